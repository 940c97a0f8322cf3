// The event-store port. Semantics follow EventStoreDB so that every adapter behaves alike:
// a stream's first event is revision 0, every event has a global position that only grows,
// readAll's fromPosition is inclusive, its `after` and subscribe's fromPosition are exclusive (a checkpoint).
//
// A position is an opaque cursor: it only compares. Positions are sparse (on EventStoreDB an event's
// position is its byte offset in the log), so no code may add to one or read a count out of one:
// "the next event" is `after: p`, and counts come from countEvents.

export type StreamRevision = bigint;
export type Position = bigint;

export const ANY = 'any';
export const NO_STREAM = 'no_stream';
export const STREAM_EXISTS = 'stream_exists';
export type ExpectedRevision = typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS | StreamRevision;

export interface EventToAppend {
  /** A UUID; adapters mint one when absent. */
  id?: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  revision: StreamRevision;
  position: Position;
  type: string;
  data: unknown;
  metadata: unknown;
  created: Date;
}

export interface AppendResult {
  /** The revision of the last event written: pass it as the next expected revision. */
  nextExpectedRevision: StreamRevision;
  /** The global position of the last event written. */
  position: Position;
}

export interface ReadStreamOptions {
  fromRevision?: StreamRevision;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive: the position of an event. Defaults to the start of the log. Not with `after`. */
  fromPosition?: Position;
  /** Exclusive: the events after this position (a checkpoint, a page's last event). Not with `fromPosition`. */
  after?: Position;
  maxCount?: number;
  /** Only streams whose name starts with this prefix. */
  streamPrefix?: string;
}

export interface SubscribeOptions {
  /** Exclusive: a checkpoint, the position of the last event already handled. Omitted: from the start. */
  fromPosition?: Position;
  streamPrefix?: string;
}

export interface CountEventsOptions {
  /** Exclusive, like ReadAllOptions.after. Omitted: from the start of the log. */
  after?: Position;
  streamPrefix?: string;
  /** Stop counting here: the answer is then `limit`, meaning "at least". */
  limit?: number;
}

export interface HeadOptions {
  /** The newest event of streams whose name starts with this prefix. */
  streamPrefix?: string;
}

/** Catch-up then live: yields stored events after the checkpoint, then new ones as they are appended. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  readonly kind: StoreKind;
  /**
   * The most bytes (as appendBytes counts them) one append may carry, or null
   * when the store sets no limit. Larger appends fail with AppendTooLargeError and write nothing.
   */
  readonly maxAppendBytes: number | null;
  /** Atomic: all events are written, or none. */
  append(stream: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events, StreamDeletedError when it was deleted. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** The position of the newest event in the log (of the prefix's streams), or -1n when there is none. */
  headPosition(options?: HeadOptions): Promise<Position>;
  /** How many events there are after a position (of the prefix's streams), up to `limit`. */
  countEvents(options?: CountEventsOptions): Promise<number>;
  /**
   * Names this log: equal for every connection to the same log, different for another log (a new
   * SQLite file, another EventStoreDB database). State derived from the log is only valid with it.
   */
  logId(): Promise<string>;
  /** Resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'eventstoredb' | 'in-memory';

/** What saved state derived from a log is bound to (see EventStore.logId). */
export interface StoreIdentity {
  kind: StoreKind;
  logId: string;
}

export const storeIdentity = async (store: EventStore): Promise<StoreIdentity> => ({ kind: store.kind, logId: await store.logId() });

export const EVENT_STORE = Symbol('EventStore');

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or NO_STREAM. */
    readonly actual: StreamRevision | typeof NO_STREAM,
  ) {
    super(`stream ${stream} is at ${String(actual)}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export class StreamNotFoundError extends Error {
  constructor(readonly stream: string) {
    super(`stream ${stream} not found`);
    this.name = 'StreamNotFoundError';
  }
}

/** Shared by adapters that check expected revisions themselves. */
export const checkExpectedRevision = (
  stream: string,
  expected: ExpectedRevision,
  current: StreamRevision | typeof NO_STREAM,
): void => {
  const ok =
    expected === ANY ||
    (expected === NO_STREAM && current === NO_STREAM) ||
    (expected === STREAM_EXISTS && current !== NO_STREAM) ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) throw new WrongExpectedVersionError(stream, expected, current);
};

/**
 * A stored event that cannot be decoded: reported with where it is, never skipped silently. The
 * position, when known, lets a reader of the log report it and go on after it.
 */
export class CorruptEventError extends Error {
  constructor(
    readonly stream: string,
    readonly revision: StreamRevision,
    readonly reason: string,
    readonly position?: Position,
  ) {
    super(`event ${stream}@${revision} is corrupt: ${reason}`);
    this.name = 'CorruptEventError';
  }
}

/** The stream was deleted (or tombstoned): it is gone, not merely absent. */
export class StreamDeletedError extends Error {
  constructor(readonly stream: string) {
    super(`stream ${stream} was deleted`);
    this.name = 'StreamDeletedError';
  }
}

/** An append larger than the store's maxAppendBytes: nothing was written. */
export class AppendTooLargeError extends Error {
  constructor(
    readonly stream: string,
    /** The store's limit, in bytes. */
    readonly limit: number,
    /** The append's size as we measured it, when known. */
    readonly bytes?: number,
  ) {
    const size = bytes === undefined ? '' : ` (${bytes} bytes)`;
    super(`the append to ${stream}${size} exceeds the event store's limit of ${limit} bytes per append`);
    this.name = 'AppendTooLargeError';
  }
}

/** The store did not answer (down, unreachable, or past a deadline): nothing can be said about the call's effect on reads; retry later. */
export class StoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * The size of an append in a store's budget: per event, its data and metadata as UTF-8 JSON plus
 * two bytes per character of its type, as EventStoreDB's Event.SizeOnDisk counts it (read in the
 * server's source, not measured against a server).
 */
export const appendBytes = (events: EventToAppend[]): number =>
  events.reduce((sum, e) =>
    sum + Buffer.byteLength(JSON.stringify(e.data ?? null)) + Buffer.byteLength(JSON.stringify(e.metadata ?? {})) + 2 * e.type.length, 0);
