// The event-store port. Semantics follow EventStoreDB so that every adapter behaves alike:
// a stream's first event is revision 0, every event has a global position that only grows,
// readAll's fromPosition is inclusive, subscribe's fromPosition is exclusive (a checkpoint).

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
  /** Inclusive. Defaults to the start of the log. */
  fromPosition?: Position;
  maxCount?: number;
  /** Only streams whose name starts with this prefix. */
  streamPrefix?: string;
}

export interface SubscribeOptions {
  /** Exclusive: a checkpoint, the position of the last event already handled. Omitted: from the start. */
  fromPosition?: Position;
  streamPrefix?: string;
}

/** Catch-up then live: yields stored events after the checkpoint, then new ones as they are appended. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb' | 'in-memory';
  /** Atomic: all events are written, or none. */
  append(stream: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** The position of the newest event in the log, or -1n when the log is empty. */
  headPosition(): Promise<Position>;
  /** Resolves when the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

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

/** A stored event that cannot be decoded: reported with where it is, never skipped. */
export class CorruptEventError extends Error {
  constructor(
    readonly stream: string,
    readonly revision: StreamRevision,
    readonly reason: string,
  ) {
    super(`event ${stream}@${revision} is corrupt: ${reason}`);
    this.name = 'CorruptEventError';
  }
}
