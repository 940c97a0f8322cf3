import type Database from 'better-sqlite3';
import type { HeadOptions, ReadAllOptions, RecordedEvent } from '../event-store.js';
import { EVENT_COLUMNS, rawToRecordedEvent, type RawEventRow } from './row.js';

export type ReadAll = (options?: ReadAllOptions) => RecordedEvent[];

/** The smallest string above every string that starts with `prefix`. */
export const prefixEnd = (prefix: string): string => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** The (stream, revision) index SQLite makes for the events table's UNIQUE constraint (schema.ts). */
const STREAM_INDEX = 'sqlite_autoindex_events_1';

/** Up to this many events, a prefix's are read through the stream index and sorted by position. */
const FEW_EVENTS = 10_000;
/** How long a prefix's count is trusted: a prefix that grows past FEW_EVENTS switches within it. */
const COUNT_TTL_MS = 60_000;

/** Whether a prefix has at most `fewEvents` events, counted on the index (at most that many read) and kept a while. */
const fewRows = (db: Database.Database, fewEvents: number): ((prefix: string) => boolean) => {
  const count = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY ${STREAM_INDEX} WHERE stream >= ? AND stream < ? LIMIT ?)`).pluck();
  const known = new Map<string, { few: boolean; at: number }>();
  return (prefix) => {
    const kept = known.get(prefix);
    if (kept && performance.now() - kept.at < COUNT_TTL_MS) return kept.few;
    const few = (count.get(prefix, prefixEnd(prefix), fewEvents + 1) as number) <= fewEvents;
    known.set(prefix, { few, at: performance.now() });
    return few;
  };
};

/** `fewEvents`: see FEW_EVENTS (a test reads the same pages both ways). */
export const readAll = (db: Database.Database, fewEvents = FEW_EVENTS): ReadAll => {
  // Raw rows (arrays in EVENT_COLUMNS order): see rawToRecordedEvent.
  // One lower bound on the rowid: given two (`>= from AND > after`), SQLite ranges on the first and
  // filters by the second, so a page after position p read every row before p (385 ms a page at
  // 900 000 events; the syndication catch-up and the stored rebuild read pages after a position).
  const all = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).safeIntegers(true).raw(true);
  // A range on `stream` rather than LIKE: LIKE is case-insensitive and treats _ and % specially.
  // The unary + keeps SQLite off the (stream, revision) index: with it, every page scanned and
  // sorted all the prefix's rows (a replay of N events cost O(N²)); on the rowid it is a range read.
  const prefixed = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position >= @from AND +stream >= @prefix AND +stream < @end ORDER BY position LIMIT @limit`)
    .safeIntegers(true)
    .raw(true);
  // A prefix of few events (the feeds' beside a million articles') is read the other way: through
  // the index, sorted, since on the rowid each read walked the whole log (~0.5 s a feed tick at
  // 1 000 000 events).
  const fewPrefixed = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM events INDEXED BY ${STREAM_INDEX} WHERE stream >= @prefix AND stream < @end AND +position >= @from ORDER BY position LIMIT @limit`,
    )
    .safeIntegers(true)
    .raw(true);
  const isFew = fewRows(db, fewEvents);
  const prefixedRead = (prefix: string) => (isFew(prefix) ? fewPrefixed : prefixed);

  return (options = {}) => {
    if (options.fromPosition !== undefined && options.after !== undefined) throw new RangeError('readAll takes fromPosition or after, not both');
    // Positions are integers here: the first after p is at p + 1 or later.
    const from = options.fromPosition ?? (options.after === undefined ? -1n : options.after + 1n);
    const limit = options.maxCount ?? -1;
    const rows = (
      options.streamPrefix
        ? prefixedRead(options.streamPrefix).all({ from, prefix: options.streamPrefix, end: prefixEnd(options.streamPrefix), limit })
        : all.all(from, limit)
    ) as RawEventRow[];
    return rows.map(rawToRecordedEvent);
  };
};

export const headPosition = (db: Database.Database): ((options?: HeadOptions) => bigint) => {
  const head = db.prepare('SELECT max(position) AS position FROM events').safeIntegers(true);
  // Backwards on the rowid until the first row of the prefix: one step when the log's tail is the prefix's.
  const prefixed = db.prepare('SELECT position FROM events WHERE +stream >= ? AND +stream < ? ORDER BY position DESC LIMIT 1').safeIntegers(true);
  return (options = {}) => {
    const row = (options.streamPrefix ? prefixed.get(options.streamPrefix, prefixEnd(options.streamPrefix)) : head.get()) as
      { position: bigint | null } | undefined;
    return row?.position ?? -1n;
  };
};
