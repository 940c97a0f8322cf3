import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppendResult, CountEventsOptions, EventStore, EventToAppend, ExpectedRevision, HeadOptions, ReadAllOptions,
  ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription,
} from '../event-store.js';
import { appendBatch } from './append-to-stream.js';
import { countEvents, type CountEvents } from './count-events.js';
import { GroupCommit } from './group-commit.js';
import { logId } from './log-id.js';
import { headPosition, readAll, type ReadAll } from './read-all.js';
import { readStream, type ReadStream } from './read-stream.js';
import { configure, type SqliteOptions } from './schema.js';
import { appendSignal, subscribe } from './subscribe.js';

/** The embedded default: a durable event log in one SQLite file. */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  /** SQLite takes a text of up to a billion bytes; the request body limit comes long before. */
  readonly maxAppendBytes = null;
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly doReadStream: ReadStream;
  private readonly doReadAll: ReadAll;
  private readonly doHead: (options?: HeadOptions) => bigint;
  private readonly doCount: CountEvents;
  private readonly doLogId: () => string;
  private readonly signal = appendSignal();
  private readonly subscriptions = new Set<Subscription>();

  constructor(readonly file: string, private readonly options: SqliteOptions & { pollMs?: number } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    configure(this.db, options);
    this.writes = new GroupCommit(appendBatch(this.db), () => this.signal.notify());
    this.doReadStream = readStream(this.db);
    this.doReadAll = readAll(this.db);
    this.doHead = headPosition(this.db);
    this.doCount = countEvents(this.db);
    this.doLogId = logId(this.db);
  }

  async append(stream: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    return this.writes.append(stream, events, expectedRevision);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.doReadStream(stream, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.doReadAll(options);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = subscribe(this.doReadAll, this.signal, { pollMs: this.options.pollMs, ...options });
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async headPosition(options?: HeadOptions): Promise<bigint> {
    return this.doHead(options);
  }

  async countEvents(options?: CountEventsOptions): Promise<number> {
    return this.doCount(options);
  }

  async logId(): Promise<string> {
    return this.doLogId();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.db.open) {
      this.writes.drain();
      this.db.close();
    }
  }
}
