import { afterAll, describe, expect, it } from '@jest/globals';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from '../../src/auth/key-store.js';
import { PAGE_CACHE_MIB, pageCacheMiB, type PageCacheFile } from '../../src/common/sqlite-page-cache.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { StoryIndex } from '../../src/syndication/story-index.js';

// A SQLite page cache is memory the process keeps, and it fills as its file grows: an unbounded or
// default one (16 MiB per connection in better-sqlite3's build) shows up as resident memory that
// grows with the events. Each file the service opens must be held to its budget.
const dir = mkdtempSync(join(tmpdir(), 'claimtrail-page-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The connection an adapter opened (cache_size is per connection: a second one would not tell). */
const connectionOf = (adapter: object): Database.Database => (adapter as { db: Database.Database }).db;

const opened: Array<{ file: PageCacheFile; open: () => { close(): unknown } }> = [
  { file: 'eventStore', open: () => new SqliteEventStore(join(dir, 'claimtrail.sqlite')) },
  { file: 'readModelWriter', open: () => new SqliteReadModelStore(join(dir, 'read-models.sqlite'), []) },
  { file: 'syndication', open: () => new StoryIndex(join(dir, 'syndication.sqlite')) },
  { file: 'keys', open: () => new KeyStore(join(dir, 'keys.sqlite')) },
];

describe('SQLite page caches', () => {
  it.each(opened)('the $file connection keeps at most its budget of pages', async ({ file, open }) => {
    const adapter = open();
    try {
      expect(pageCacheMiB(connectionOf(adapter))).toBe(PAGE_CACHE_MIB[file]);
    } finally {
      await adapter.close();
    }
  });

  it('the read models\' reading connection keeps at most its budget of pages', () => {
    const store = new SqliteReadModelStore(join(dir, 'read-models.sqlite'), []);
    try {
      expect(pageCacheMiB((store as unknown as { readDb: Database.Database }).readDb)).toBe(PAGE_CACHE_MIB.readModels);
    } finally {
      store.close();
    }
  });

  it('leaves most of the 400 MB resident-memory goal to the heaps: all budgets together at most a third of it', () => {
    const total = Object.values(PAGE_CACHE_MIB).reduce((sum, mib) => sum + mib, 0);
    expect(total * 2 ** 20).toBeLessThanOrEqual(400e6 / 3);
  });
});
