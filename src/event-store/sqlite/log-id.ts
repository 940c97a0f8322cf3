import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The file's own name for its log, minted when the file is created: a new file (the old one
 * deleted or moved away) is another log, even though its rowids start again at 1.
 */
export const logId = (db: Database.Database): (() => string) => {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('log_id', ?)").run(randomUUID());
  const id = (db.prepare("SELECT value FROM meta WHERE key = 'log_id'").get() as { value: string }).value;
  return () => id;
};
