import { EventStoreDBClient } from '@eventstore/db-client';
import {
  StoreUnavailableError,
  type AppendResult, type CountEventsOptions, type EventStore, type EventToAppend, type ExpectedRevision, type HeadOptions,
  type Position, type ReadAllOptions, type ReadStreamOptions, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.js';
import { appendToStream, type AppendToStream } from './append-to-stream.js';
import { countEvents, type CountEvents } from './count-events.js';
import { logId } from './log-id.js';
import { headPosition, readAll, type ReadAll } from './read-all.js';
import { readStream, type ReadStream } from './read-stream.js';
import { subscribe } from './subscribe.js';

const PING_TIMEOUT_MS = 5000;
/** Never written: the ping reads this stream's metadata, a one-event read that succeeds whether or not it exists. */
const PING_STREAM = 'claimtrail-ping';
/** The server's default MaxAppendSize (1 MiB); a server configured otherwise is named in the options. */
export const DEFAULT_MAX_APPEND_BYTES = 1_048_576;

export interface EventStoreDbOptions {
  /** The server's MaxAppendSize, when it is not the default. */
  maxAppendBytes?: number;
}

/** The event store on an EventStoreDB server (v22.6 or later), over gRPC. */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly maxAppendBytes: number;
  private readonly client: EventStoreDBClient;
  private readonly doAppend: AppendToStream;
  private readonly doReadStream: ReadStream;
  private readonly doReadAll: ReadAll;
  private readonly doHead: (options?: HeadOptions) => Promise<Position>;
  private readonly doCount: CountEvents;
  private readonly doLogId: () => Promise<string>;
  private readonly subscriptions = new Set<Subscription>();

  /** E.g. esdb://localhost:2113?tls=false. The client connects lazily, on the first call. */
  constructor(connectionString: string, options: EventStoreDbOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.doAppend = appendToStream(this.client, this.maxAppendBytes);
    this.doReadStream = readStream(this.client);
    this.doReadAll = readAll(this.client);
    this.doHead = headPosition(this.client);
    this.doCount = countEvents(this.client);
    this.doLogId = logId(this.doReadStream, this.doAppend);
  }

  append(stream: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return this.doAppend(stream, events, expectedRevision);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.doReadStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.doReadAll(options);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const subscription = subscribe(this.client, options, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(options?: HeadOptions): Promise<Position> {
    return this.doHead(options);
  }

  countEvents(options?: CountEventsOptions): Promise<number> {
    return this.doCount(options);
  }

  logId(): Promise<string> {
    return this.doLogId();
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError(`EventStoreDB did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      // Reads never carry a deadline in this client, hence the race.
      await Promise.race([this.client.getStreamMetadata(PING_STREAM), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
    await this.client.dispose();
  }
}
