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
  // (see sqlite-read-model-store.ts); beyond its budget they spill to the WAL and are written again.
  // Measured (2026-12-01, 3 000 events, all seven read models, two runs each): 64 MiB rebuilt 15%
  // faster than 16 (276 and 319 against 239 and 270 events/s, half the system time), but 64 put the
  // service over 400 MB after the mixed load (481 MiB at 9 000 events; 360 with 16 at 4 900).
  readModelWriter: 16,
  // A look-up probes 32 band hashes spread over the whole band table (150 MB with the signatures at
  // 130 000 articles, about a million events), so most probes miss any cache that fits the budget
  // and are read from the OS's file cache instead. Measured over such an index (2026-12-01): 113 µs
  // of CPU per look-up with 64 MiB, 133 µs with 16 — 20 µs an ingest, for 48 MiB less resident.
  syndication: 16,
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
