import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptEventError, NO_STREAM } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-sqlite-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A long poll interval: live delivery must come from the in-process wake-up, not from polling.
eventStoreContract('sqlite', {
  create: async () => new SqliteEventStore(join(dir, `store-${++files}.sqlite`), { pollMs: 5000 }),
  reopen: async (store) => {
    await store.close();
    return new SqliteEventStore((store as SqliteEventStore).file, { pollMs: 5000 });
  },
});

describe('sqlite store specifics', () => {
  it('runs in WAL mode with synchronous = FULL', async () => {
    const store = new SqliteEventStore(join(dir, 'pragmas.sqlite'));
    await store.append('s', [{ type: 'T', data: {} }], NO_STREAM);
    await store.close();
    const db = new Database(join(dir, 'pragmas.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // synchronous is per connection: check the one the store opens.
    const reopened = new SqliteEventStore(join(dir, 'pragmas.sqlite'));
    expect((reopened as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    await reopened.close();
  });

  it('reports a row that is not JSON with its stream and revision', async () => {
    const file = join(dir, 'corrupt.sqlite');
    const store = new SqliteEventStore(file);
    await store.append('article-x', [{ type: 'T', data: { ok: true } }, { type: 'T', data: { ok: true } }], NO_STREAM);
    const db = new Database(file);
    db.prepare("UPDATE events SET data = '{broken' WHERE revision = 1").run();
    db.close();
    await expect(store.readStream('article-x')).rejects.toThrow(CorruptEventError);
    await expect(store.readStream('article-x')).rejects.toThrow(/article-x@1/);
    await store.close();
  });
});
