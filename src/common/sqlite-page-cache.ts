// How much of the service's resident memory each SQLite file's page cache may take. SQLite keeps a
// connection's cache in the process (no mmap: better-sqlite3 builds with SQLITE_DEFAULT_MMAP_SIZE=0),
// and better-sqlite3's build gives every connection 16 MiB unless told otherwise; a cache fills as
// its file outgrows it, so on a small store it looks like memory growing with the events, and on a
// large one each file holds its whole budget. The budgets sit together so their sum is in one place.
import type Database from 'better-sqlite3';

/** MiB of page cache per connection, by file. */
export const PAGE_CACHE_MIB = {
  // Catch-up reads the log once, in order, and appends write its tail: few pages are read twice.
  // Stream reads (one article's events) go through the (stream, revision) index, whose inner pages
  // are what a cache of this size keeps.
  eventStore: 8,
  // The read models' reading connection: queries walk the rows and terms indexes of every read
  // model, the most reused pages of all.
  readModels: 16,
  // Their writing connection holds the pages an open write transaction changes until it commits
  // (see sqlite-read-model-store.ts): the largest budget, and the one write speed asks for.
  readModelWriter: 64,
  // A look-up probes 32 band hashes spread over the whole band table, so copy recognition stays
  // fast only while most of that table is cached (32 rows per article: about 64 MiB at 130 000
  // articles, a million events); kept from the index's own tuning, see story-index.ts.
  syndication: 64,
  // A handful of API keys.
  keys: 1,
} as const;

export type PageCacheFile = keyof typeof PAGE_CACHE_MIB;

/** Caps the connection's page cache at its file's budget (a negative cache_size is in KiB). */
export const limitPageCache = (db: Database.Database, file: PageCacheFile): void => {
  db.pragma(`cache_size = -${PAGE_CACHE_MIB[file] * 1024}`);
};

/** The connection's page cache limit, MiB: what a test checks against the budget. */
export const pageCacheMiB = (db: Database.Database): number => {
  const size = db.pragma('cache_size', { simple: true }) as number;
  // Positive: pages; negative: KiB.
  return size < 0 ? -size / 1024 : (size * (db.pragma('page_size', { simple: true }) as number)) / 2 ** 20;
};
