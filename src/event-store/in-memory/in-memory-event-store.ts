import { randomUUID } from 'node:crypto';
import {
  checkExpectedRevision, NO_STREAM, StreamNotFoundError,
  type AppendResult, type EventStore, type EventToAppend, type ExpectedRevision, type Position,
  type ReadAllOptions, type ReadStreamOptions, type RecordedEvent, type SubscribeOptions, type Subscription,
} from '../event-store.js';

// Data and metadata are kept as JSON text, like the durable adapters keep them: callers cannot
// mutate stored events through a reference, and what does not survive JSON fails here as well.
interface StoredEvent extends Omit<RecordedEvent, 'data' | 'metadata' | 'created'> {
  data: string;
  metadata: string;
  created: number;
}

const toRecordedEvent = (e: StoredEvent): RecordedEvent => ({
  ...e,
  data: JSON.parse(e.data),
  metadata: JSON.parse(e.metadata),
  created: new Date(e.created),
});

/** Wakes every waiting subscription on each append (and on close). */
class AppendNotifier {
  private waiters: Array<() => void> = [];

  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/**
 * For unit tests only: the whole log is one array and an event's index in it is its global position.
 * Appends are atomic because nothing is awaited between the revision check and the writes.
 */
export class InMemoryEventStore implements EventStore {
  readonly kind = 'in-memory' as const;
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly notifier = new AppendNotifier();
  private closed = false;

  async append(stream: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const existing = this.streams.get(stream);
    checkExpectedRevision(stream, expectedRevision, existing ? BigInt(existing.length - 1) : NO_STREAM);

    // Build the whole batch first: a value JSON cannot hold throws here, before anything is stored.
    const created = Date.now();
    const batch = events.map((event, i): StoredEvent => ({
      id: event.id ?? randomUUID(),
      streamName: stream,
      revision: BigInt((existing?.length ?? 0) + i),
      position: BigInt(this.log.length + i),
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify(event.metadata ?? {}),
      created,
    }));
    this.log.push(...batch);
    if (existing) existing.push(...batch);
    else this.streams.set(stream, batch);
    this.notifier.notify();

    const last = batch[batch.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events = this.streams.get(stream);
    if (!events) throw new StreamNotFoundError(stream);
    const from = Number(options.fromRevision ?? 0n);
    const to = options.maxCount === undefined ? undefined : from + options.maxCount;
    return events.slice(from, to).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const result: RecordedEvent[] = [];
    const max = options.maxCount ?? Infinity;
    for (let i = this.indexOf(options.fromPosition ?? 0n); i < this.log.length && result.length < max; i++) {
      const event = this.log[i]!;
      if (matches(event, options.streamPrefix)) result.push(toRecordedEvent(event));
    }
    return result;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    // fromPosition is the last event already handled, so start right after it.
    let next = options.fromPosition === undefined ? 0 : this.indexOf(options.fromPosition + 1n);
    let closed = false;
    const isClosed = () => closed || this.closed;
    const log = this.log;
    const notifier = this.notifier;

    async function* events(): AsyncGenerator<RecordedEvent> {
      while (!isClosed()) {
        while (next < log.length && !isClosed()) {
          const event = log[next++]!;
          if (matches(event, options.streamPrefix)) yield toRecordedEvent(event);
        }
        if (!isClosed()) await notifier.next();
      }
    }

    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        // A reader parked on the notifier wakes up, sees `closed` and ends.
        notifier.notify();
      },
    };
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return BigInt(this.log.length - 1);
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notifier.notify();
  }

  private indexOf(position: Position): number {
    return position < 0n ? 0 : Number(position);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the in-memory event store is closed');
  }
}

const matches = (event: StoredEvent, prefix: string | undefined): boolean =>
  prefix === undefined || event.streamName.startsWith(prefix);
