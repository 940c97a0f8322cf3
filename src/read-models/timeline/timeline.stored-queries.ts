import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import { entryKey, HEAD_KEY, TIMELINE, TIMELINE_HEAD, type TimelineHead } from './timeline.tables.js';

/** A point of knowledge, as the read routes parse `asOf` (read-routes/list-query.dto.ts): a position, a time, or the first N article events. */
export type AsOf = { position: bigint } | { time: Date } | { events: number };

/** Before the first event: a reader at it sees nothing. */
export const BEFORE_ANY = -1n;

/** The largest n in [0, head.events] whose entry's createdBy is at most `ms` (entries are sorted by it). */
const lastKnownBy = (reader: ReadModelReader, head: TimelineHead, ms: number): bigint => {
  if (head.createdBy <= ms) return BigInt(head.position);
  let low = 0;
  let high = head.events;
  // Invariant: entry `low` (0: none) is known by `ms`, entry `high` is not. About 20 gets at a million events.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reader.get(TIMELINE, entryKey(middle))!.createdBy <= ms) low = middle;
    else high = middle;
  }
  return low === 0 ? BEFORE_ANY : BigInt(reader.get(TIMELINE, entryKey(low))!.position);
};

/**
 * The log position a point of knowledge stands for, read from the live timeline: a position is
 * itself; `events:N` is the Nth article event's position (the last one's when there are fewer);
 * a time is the last of the longest run of events all recorded by then (what a replay that stops
 * at the first event recorded later folds).
 */
export const positionOf = (reader: ReadModelReader, asOf: AsOf): bigint => {
  if ('position' in asOf) return asOf.position;
  const head = reader.get(TIMELINE_HEAD, HEAD_KEY);
  if (!head) return BEFORE_ANY;
  if ('events' in asOf) {
    if (asOf.events <= 0) return BEFORE_ANY;
    if (asOf.events >= head.events) return BigInt(head.position);
    return BigInt(reader.get(TIMELINE, entryKey(asOf.events))!.position);
  }
  return lastKnownBy(reader, head, asOf.time.getTime());
};
