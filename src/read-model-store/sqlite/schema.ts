import type Database from 'better-sqlite3';

// Every read model's rows share two tables, told apart by `tid` (one id per read model, table and
// generation), so a new read model or a rebuild needs no DDL. A row's versions are kept with the
// positions they held from (inclusive) and to (exclusive; NULL while live): see temporal.ts.
// Terms are versioned apart from their row: a counter's doc changes often, its terms rarely.
const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS generations (
  tid INTEGER PRIMARY KEY, read_model TEXT NOT NULL, tbl TEXT NOT NULL, generation INTEGER NOT NULL,
  UNIQUE (read_model, tbl, generation));
CREATE TABLE IF NOT EXISTS checkpoints (
  read_model TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL,
  position INTEGER NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (read_model, generation));
CREATE TABLE IF NOT EXISTS active (read_model TEXT PRIMARY KEY, generation INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS garbage (tid INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS rows (
  tid INTEGER NOT NULL, key TEXT NOT NULL, sort REAL NOT NULL, doc TEXT NOT NULL, terms TEXT NOT NULL,
  from_pos INTEGER NOT NULL, to_pos INTEGER);
CREATE UNIQUE INDEX IF NOT EXISTS rows_live ON rows (tid, key) WHERE to_pos IS NULL;
CREATE INDEX IF NOT EXISTS rows_live_sort ON rows (tid, sort, key) WHERE to_pos IS NULL;
CREATE INDEX IF NOT EXISTS rows_history ON rows (tid, key, from_pos);
CREATE TABLE IF NOT EXISTS terms (
  tid INTEGER NOT NULL, term TEXT NOT NULL, key TEXT NOT NULL, sort REAL NOT NULL,
  from_pos INTEGER NOT NULL, to_pos INTEGER);
-- As of a position, a term's rows are ordered by their row version's sort (live terms take a
-- moved sort in place, closed ones keep a stale one), so this index leaves the sort out.
CREATE INDEX IF NOT EXISTS terms_by_term ON terms (tid, term, key);
CREATE INDEX IF NOT EXISTS terms_by_key ON terms (tid, key, term);
-- A put reads the live terms of its key: without this it reads every version ever kept of them,
-- so a row rewritten per event (a count with its sort) cost more with each rewrite.
CREATE INDEX IF NOT EXISTS terms_live_by_key ON terms (tid, key) WHERE to_pos IS NULL;
-- Live finds read only live terms: a row rewritten per event leaves a closed version of each of
-- its terms per rewrite, which a live list otherwise walks past.
CREATE INDEX IF NOT EXISTS terms_live_by_term ON terms (tid, term, sort, key) WHERE to_pos IS NULL;
`;

/** 2: live terms carry their row's current sort (moved in place), closed terms a stale one. */
export const SCHEMA_VERSION = '2';

const TABLES = ['meta', 'generations', 'checkpoints', 'active', 'garbage', 'rows', 'terms'];

/** The schema a file was written with, or null for a new file. */
const savedSchema = (db: Database.Database): string | null => {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  if (!hasMeta) return null;
  return (db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string | undefined) ?? null;
};

export const createSchema = (db: Database.Database): void => {
  db.pragma('journal_mode = WAL');
  // A crash may lose the last commits but never corrupts: they are replayed from the checkpoint.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const saved = savedSchema(db);
  // Every row is derived from the log: a file of another schema is emptied, and the runner,
  // finding no checkpoint, rebuilds each read model from position 0.
  if (saved !== null && saved !== SCHEMA_VERSION) db.exec(TABLES.map((table) => `DROP TABLE IF EXISTS ${table};`).join(' '));
  db.exec(DDL);
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
};

/** Everything but the schema: rows of another log, or of an older schema. */
export const clearAll = (db: Database.Database): void => {
  db.exec('DELETE FROM rows; DELETE FROM terms; DELETE FROM generations; DELETE FROM checkpoints; DELETE FROM active; DELETE FROM garbage;');
};
