import type Database from 'better-sqlite3';
import type { CountEventsOptions } from '../event-store.js';
import { prefixEnd } from './read-all.js';

export type CountEvents = (options?: CountEventsOptions) => number;

/** Counted on the rowid range, reading no event's data; `limit` bounds the scan. */
export const countEvents = (db: Database.Database): CountEvents => {
  const all = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)').safeIntegers(false);
  const prefixed = db.prepare(
    'SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? AND +stream >= ? AND +stream < ? LIMIT ?)',
  ).safeIntegers(false);
  return (options = {}) => {
    const after = options.after ?? -1n;
    const limit = options.limit ?? -1;
    const row = (options.streamPrefix
      ? prefixed.get(after, options.streamPrefix, prefixEnd(options.streamPrefix), limit)
      : all.get(after, limit)) as { n: number };
    return row.n;
  };
};
