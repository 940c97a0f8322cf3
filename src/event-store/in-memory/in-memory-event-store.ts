import { randomUUID } from 'node:crypto';
import {
  appendBytes,
  AppendTooLargeError,
  checkExpectedRevision,
  CorruptEventError,
  NO_STREAM,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
  type AppendResult,
  type CountEventsOptions,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type HeadOptions,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.js';
import { positionsOf, type PositionScheme } from './positions.js';
import { InMemorySubscriptions } from './subscriptions.js';

// Data and metadata are kept as JSON text, like the durable adapters keep them: callers cannot
// mutate stored events through a reference, and what does not survive JSON fails here as well.
interface StoredEvent extends Omit<RecordedEvent, 'data' | 'metadata' | 'created'> {
  data: string;
  metadata: string;
  created: number;
  /** Set by corrupt(): reading it fails as a binary event does on EventStoreDB. */
  unreadable?: true;
}

const toRecordedEvent = (e: StoredEvent): RecordedEvent => {
  if (e.unreadable) throw new CorruptEventError(e.streamName, e.revision, 'data is not JSON (content type application/octet-stream)', e.position);
  return {
    id: e.id,
    streamName: e.streamName,
    revision: e.revision,
    position: e.position,
    type: e.type,
    data: JSON.parse(e.data),
    metadata: JSON.parse(e.metadata),
    created: new Date(e.created),
  };
};

export interface InMemoryOptions {
  /** 'dense' (the default): positions 0, 1, 2…; 'sparse': like EventStoreDB's log offsets (see positions.ts). */
  positions?: PositionScheme;
  /** An EventStoreDB-like limit on one append's size; null (the default): none. */
  maxAppendBytes?: number | null;
}

/**
 * For tests: the whole log is one array. With sparse positions and an append limit it behaves as
 * EventStoreDB does where our other stores are lenient (a position that is no event's is refused),
 * and it can fail on purpose: drop or end subscriptions, corrupt an event, delete or truncate a
 * stream, stop answering. Appends are atomic because nothing is awaited between the revision
 * check and the writes.
 */
export class InMemoryEventStore implements EventStore {
  readonly kind = 'in-memory' as const;
  readonly maxAppendBytes: number | null;
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly deleted = new Set<string>();
  private readonly truncated = new Set<string>();
  private readonly positions;
  private readonly subscriptions = new InMemorySubscriptions();
  private readonly id = randomUUID();
  private down: Error | null = null;
  private closed = false;

  constructor(options: InMemoryOptions = {}) {
    this.positions = positionsOf(options.positions ?? 'dense');
    this.maxAppendBytes = options.maxAppendBytes ?? null;
  }

  async append(stream: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertAnswering();
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (this.deleted.has(stream)) throw new StreamDeletedError(stream);
    const bytes = appendBytes(events);
    if (this.maxAppendBytes !== null && bytes > this.maxAppendBytes) throw new AppendTooLargeError(stream, this.maxAppendBytes, bytes);
    const existing = this.streams.get(stream);
    checkExpectedRevision(stream, expectedRevision, existing ? BigInt(existing.length - 1) : NO_STREAM);

    // Build the whole batch first: a value JSON cannot hold throws here, before anything is stored.
    const created = Date.now();
    const batch = events.map((event, i): StoredEvent => ({
      id: event.id ?? randomUUID(),
      streamName: stream,
      revision: BigInt((existing?.length ?? 0) + i),
      position: this.positions.at(this.log.length + i),
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify(event.metadata ?? {}),
      created,
    }));
    this.log.push(...batch);
    if (existing) existing.push(...batch);
    else this.streams.set(stream, batch);
    this.subscriptions.wake();

    const last = batch[batch.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertAnswering();
    if (this.deleted.has(stream)) throw new StreamDeletedError(stream);
    const events = this.streams.get(stream);
    if (!events) throw new StreamNotFoundError(stream);
    // EventStoreDB answers a truncated stream ($tb past its last event) with no events, not with not-found.
    if (this.truncated.has(stream)) return [];
    const from = Number(options.fromRevision ?? 0n);
    const to = options.maxCount === undefined ? undefined : from + options.maxCount;
    return events.slice(from, to).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertAnswering();
    const result: RecordedEvent[] = [];
    const max = options.maxCount ?? Infinity;
    for (let i = this.startIndex(options); i < this.log.length && result.length < max; i++) {
      const event = this.log[i];
      if (matches(event, options.streamPrefix)) result.push(toRecordedEvent(event));
    }
    return result;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertAnswering();
    // Checked when iterated, as EventStoreDB reports a bad checkpoint on the subscription's first read.
    const start = (): number => this.indexAfter(options.fromPosition);
    const read = (index: number): RecordedEvent | null => {
      const event = this.log[index];
      return matches(event, options.streamPrefix) ? toRecordedEvent(event) : null;
    };
    return this.subscriptions.open(start, () => this.log.length, read);
  }

  async headPosition(options: HeadOptions = {}): Promise<Position> {
    this.assertAnswering();
    for (let i = this.log.length - 1; i >= 0; i--) if (matches(this.log[i], options.streamPrefix)) return this.log[i].position;
    return -1n;
  }

  async countEvents(options: CountEventsOptions = {}): Promise<number> {
    this.assertAnswering();
    const limit = options.limit ?? Infinity;
    let count = 0;
    for (let i = this.indexAfter(options.after); i < this.log.length && count < limit; i++) {
      if (matches(this.log[i], options.streamPrefix)) count++;
    }
    return count;
  }

  async logId(): Promise<string> {
    this.assertAnswering();
    return this.id;
  }

  async ping(): Promise<void> {
    this.assertAnswering();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriptions.end();
  }

  // Faults, as EventStoreDB shows them.

  /** The connection drops: every open subscription fails with `error` (the client does not resubscribe). */
  dropSubscriptions(error: Error = new StoreUnavailableError('the connection to the event store was lost')): void {
    this.subscriptions.fail(error);
  }

  /** Every open subscription ends as if the server had closed the stream cleanly. */
  endSubscriptions(): void {
    this.subscriptions.end();
  }

  /** The event at `position` becomes unreadable, as a binary event written by another client is. */
  corrupt(position: Position): void {
    const event = this.log[this.positions.indexOf(position, this.log.length)];
    if (!event || event.position !== position) throw new Error(`no event at position ${position}`);
    event.unreadable = true;
  }

  /** Tombstones the stream: reads and appends fail with StreamDeletedError; its events stay in $all. */
  deleteStream(stream: string): void {
    this.deleted.add(stream);
  }

  /** Truncates the stream before its end ($tb): reading it gives no events. */
  truncateStream(stream: string): void {
    this.truncated.add(stream);
  }

  /** Until called with null, every call fails as an unreachable server's does. */
  stopAnswering(error: Error | null = new StoreUnavailableError('the event store is unavailable')): void {
    this.down = error;
  }

  /** Where a read starts: at an event's position (inclusive), after one, or at the start. */
  private startIndex(options: ReadAllOptions): number {
    if (options.fromPosition !== undefined && options.after !== undefined) throw new RangeError('readAll takes fromPosition or after, not both');
    if (options.after !== undefined) return this.indexAfter(options.after);
    const from = options.fromPosition ?? 0n;
    if (from <= 0n) return 0;
    return this.validIndex(from);
  }

  /** The index of the first event after `position` (a checkpoint; negative or absent: the start). */
  private indexAfter(position: Position | undefined): number {
    if (position === undefined || position < 0n) return 0;
    const index = this.validIndex(position);
    return index === this.log.length ? index : index + 1;
  }

  /** The index of the event at `position`, or the log's length for its end; any other position is refused. */
  private validIndex(position: Position): number {
    const index = this.positions.indexOf(position, this.log.length);
    const atEvent = index < this.log.length && this.log[index].position === position;
    const atEnd = index === this.log.length && position === this.positions.at(this.log.length);
    if (!atEvent && !atEnd) throw new RangeError(`Trying to read from an invalid position: ${position} is no event's position in this log`);
    return index;
  }

  private assertAnswering(): void {
    if (this.closed) throw new Error('the in-memory event store is closed');
    if (this.down) throw this.down;
  }
}

const matches = (event: StoredEvent, prefix: string | undefined): boolean => prefix === undefined || event.streamName.startsWith(prefix);
