// Where the read models stand against the log, in counts: positions are cursors (on EventStoreDB, byte
// offsets), so "how far behind" is a number of events counted in the store, never a subtraction.
import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import type { EventStore } from '../event-store/event-store.js';
import type { ReadModelStatus } from './read-model-status.js';

/** Counting stops here: a read model this far behind is "at least" this far; it bounds each status request's read. */
export const BEHIND_COUNT_LIMIT = 10_000;

export interface Behind {
  events: number;
  /** True when counting stopped at BEHIND_COUNT_LIMIT. */
  atLeast: boolean;
}

export interface LogProgress {
  /** The newest article event's position: a cursor, shown as such. */
  head: bigint;
  /** Article events in the log (at least, when the slowest read model's lag was too long to count). */
  events: number;
  /** Per read model, the article events after its checkpoint. */
  behind: Map<string, Behind>;
  /** The slowest read model's. */
  slowest: Behind;
}

export const logProgress = async (store: EventStore, views: ReadModelStatus[]): Promise<LogProgress> => {
  const head = await store.headPosition({ streamPrefix: ARTICLE_STREAM_PREFIX });
  // Read models usually share a checkpoint: one count each.
  const counted = new Map<bigint, Behind>();
  for (const checkpoint of new Set(views.map((v) => v.checkpoint))) {
    const events = checkpoint >= head ? 0 : await store.countEvents({ after: checkpoint, streamPrefix: ARTICLE_STREAM_PREFIX, limit: BEHIND_COUNT_LIMIT });
    counted.set(checkpoint, { events, atLeast: events >= BEHIND_COUNT_LIMIT });
  }
  const behind = new Map(views.map((v) => [v.name, counted.get(v.checkpoint)!]));
  const slowestModel = views.reduce<ReadModelStatus | null>((min, v) => (!min || v.checkpoint < min.checkpoint ? v : min), null);
  const slowest = slowestModel ? behind.get(slowestModel.name)! : { events: 0, atLeast: false };
  return { head, events: (slowestModel?.events ?? 0) + slowest.events, behind, slowest };
};

/**
 * The article events in the log up to `position` (a rebuild's target): counted from the known
 * point nearest below it (a read model's checkpoint and its count), so only the stretch after it is read.
 */
export const eventsUpTo = async (store: EventStore, position: bigint, known: ReadonlyArray<{ checkpoint: bigint; events: number }>): Promise<number> => {
  const below = known.filter((k) => k.checkpoint <= position).reduce((best, k) => (k.checkpoint > best.checkpoint ? k : best), { checkpoint: -1n, events: 0 });
  const total = await store.countEvents({ after: below.checkpoint, streamPrefix: ARTICLE_STREAM_PREFIX });
  const beyond = await store.countEvents({ after: position, streamPrefix: ARTICLE_STREAM_PREFIX });
  return below.events + total - beyond;
};
