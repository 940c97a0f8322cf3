import type Database from 'better-sqlite3';
import { limitPageCache } from '../../common/sqlite-page-cache.js';

// One table is the whole log: the rowid is the global position (never reused: rows are never
// deleted), and the unique (stream, revision) index both enforces optimistic concurrency and
// makes reading a stream and finding its head an index range scan.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream   TEXT    NOT NULL,
  revision INTEGER NOT NULL,
  id       TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  data     TEXT    NOT NULL,
  metadata TEXT    NOT NULL,
  created  INTEGER NOT NULL,
  UNIQUE (stream, revision)
);`;

export interface SqliteOptions {
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

/**
 * WAL lets readers run beside the one writer; synchronous=FULL fsyncs the WAL on every commit,
 * so an acknowledged append survives power loss, not only a crash of the process.
 */
export const configure = (db: Database.Database, options: SqliteOptions = {}): void => {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  limitPageCache(db, 'eventStore');
  db.exec(SCHEMA);
};
