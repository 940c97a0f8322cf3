import type Database from 'better-sqlite3';

// Every read model's rows and terms share these tables, told apart by `tid` (one id per read
// model, table and generation), so a new read model or a rebuild needs no DDL. A row's versions are
// kept with the positions they held from (inclusive) and to (exclusive; NULL while live): see
// temporal.ts. Terms are versioned apart from their row: a counter's doc changes often, its terms rarely.
//
// Terms are most of what a read model writes (about 90 an event, nearly all of them still live),
// so live and closed terms have tables of their own, each clustered on its primary key (WITHOUT
// ROWID) and with no other index: a live term costs one B-tree entry, not five as in one table
// with a rowid, live and historical indexes (schema 2), nor two as with an index by key (schema
// 4, whose by-key indexes were 24% of the file; their keys, claim ids led by a hash, made every
// insert land on a random page). Measured on 3 000 events: the term inserts took 39% of a rebuild.
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
-- A term version carries its row's sort while it holds: a row whose sort moves ends its terms and
-- opens new ones (Table.sortMoves tables keep no sort in terms instead), so a list by one term, live
-- or as of a position, is read in the primary key's order and a page costs its own rows.
CREATE TABLE IF NOT EXISTS live_terms (
  tid INTEGER NOT NULL, term TEXT NOT NULL, sort REAL NOT NULL, key TEXT NOT NULL, from_pos INTEGER NOT NULL,
  PRIMARY KEY (tid, term, sort, key)) WITHOUT ROWID;
-- A put finds its key's live terms in its live row (rows.terms); a find's other terms are one seek
-- each on the driving row's (term, sort, key), since a row's terms all carry its sort (term-sql.ts).
CREATE TABLE IF NOT EXISTS closed_terms (
  tid INTEGER NOT NULL, term TEXT NOT NULL, sort REAL NOT NULL, key TEXT NOT NULL, from_pos INTEGER NOT NULL,
  to_pos INTEGER NOT NULL, PRIMARY KEY (tid, term, sort, key, from_pos)) WITHOUT ROWID;
-- How many live rows carry each counted term (Table.countedTerms), kept for the tids listed in
-- counted_tids: those created since counting began, so a count is never of part of a table's rows
-- (a table written before then is counted by its terms until its read model rebuilds). Live
-- only, and not versioned: as of a position, finds count the terms.
CREATE TABLE IF NOT EXISTS term_counts (
  tid INTEGER NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (tid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counted_tids (tid INTEGER PRIMARY KEY);
-- The least and greatest sort of the rows a tid's applies wrote up to each position where they
-- widened (sort-bounds.ts), kept for the tids in bounded_tids (created since), so a list as of a
-- position is ranged to them.
CREATE TABLE IF NOT EXISTS sort_bounds (
  tid INTEGER NOT NULL, pos INTEGER NOT NULL, min_sort REAL NOT NULL, max_sort REAL NOT NULL, PRIMARY KEY (tid, pos)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bounded_tids (tid INTEGER PRIMARY KEY);
`;

/**
 * 5 (term_counts, counted_tids, sort_bounds and bounded_tids were added to it: a file without
 * them gains them, and its tables are counted by their terms and read unbounded until rebuilt). 5: the terms tables lose their by-key indexes; a live row's terms are a JSON array. 4: closed
 * terms keep their sort (a moved sort versions the terms). 3: live and closed terms in tables of
 * their own. 2: one terms table, live terms carrying their sort.
 */
export const SCHEMA_VERSION = '5';

// `terms` is schema 2's, dropped with the rest.
const TABLES = [
  'meta',
  'generations',
  'checkpoints',
  'active',
  'garbage',
  'rows',
  'terms',
  'live_terms',
  'closed_terms',
  'term_counts',
  'counted_tids',
  'sort_bounds',
  'bounded_tids',
];

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
  db.exec(
    'DELETE FROM rows; DELETE FROM live_terms; DELETE FROM closed_terms; DELETE FROM term_counts; DELETE FROM counted_tids; DELETE FROM sort_bounds; DELETE FROM bounded_tids; DELETE FROM generations; DELETE FROM checkpoints; DELETE FROM active; DELETE FROM garbage;',
  );
};
