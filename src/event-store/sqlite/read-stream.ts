import type Database from 'better-sqlite3';
import { StreamNotFoundError, type ReadStreamOptions, type RecordedEvent } from '../event-store.js';
import { toRecordedEvent, type EventRow } from './row.js';

export type ReadStream = (stream: string, options?: ReadStreamOptions) => RecordedEvent[];

export const readStream = (db: Database.Database): ReadStream => {
  const select = db.prepare(
    'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
  ).safeIntegers(true);
  const exists = db.prepare('SELECT 1 FROM events WHERE stream = ? LIMIT 1');

  return (stream, options = {}) => {
    const rows = select.all(stream, options.fromRevision ?? 0n, options.maxCount ?? -1) as EventRow[];
    if (rows.length === 0 && !exists.get(stream)) throw new StreamNotFoundError(stream);
    return rows.map(toRecordedEvent);
  };
};
