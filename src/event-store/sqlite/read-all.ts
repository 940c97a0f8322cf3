import type Database from 'better-sqlite3';
import type { ReadAllOptions, RecordedEvent } from '../event-store.js';
import { EVENT_COLUMNS, rawToRecordedEvent, type RawEventRow } from './row.js';

export type ReadAll = (options?: ReadAllOptions) => RecordedEvent[];

/** The smallest string above every string that starts with `prefix`. */
const prefixEnd = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

export const readAll = (db: Database.Database): ReadAll => {
  // Raw rows (arrays in EVENT_COLUMNS order): see rawToRecordedEvent.
  const all = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).safeIntegers(true).raw(true);
  // A range on `stream` rather than LIKE: LIKE is case-insensitive and treats _ and % specially.
  // The unary + keeps SQLite off the (stream, revision) index: with it, every page scanned and
  // sorted all the prefix's rows (a replay of N events cost O(N²)); on the rowid it is a range read.
  const prefixed = db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? AND +stream >= ? AND +stream < ? ORDER BY position LIMIT ?`,
  ).safeIntegers(true).raw(true);

  return (options = {}) => {
    const from = options.fromPosition ?? 0n;
    const limit = options.maxCount ?? -1;
    const rows = (options.streamPrefix
      ? prefixed.all(from, options.streamPrefix, prefixEnd(options.streamPrefix), limit)
      : all.all(from, limit)) as RawEventRow[];
    return rows.map(rawToRecordedEvent);
  };
};

export const headPosition = (db: Database.Database): (() => bigint) => {
  const head = db.prepare('SELECT max(position) AS position FROM events').safeIntegers(true);
  return () => (head.get() as { position: bigint | null }).position ?? -1n;
};
