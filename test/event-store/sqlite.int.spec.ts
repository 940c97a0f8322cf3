import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANY, CorruptEventError, NO_STREAM } from '../../src/event-store/event-store.js';
import { readAll } from '../../src/event-store/sqlite/read-all.js';
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
  appendCorrupt: async (store, stream) => {
    const { position } = await store.append(stream, [{ type: 'Binary', data: {} }], ANY);
    const db = new Database((store as SqliteEventStore).file);
    db.prepare("UPDATE events SET data = '{broken' WHERE position = ?").run(position);
    db.close();
  },
  dropConnection: { skipped: 'an embedded SQLite file has no connection to drop' },
  deleteStream: { skipped: 'the SQLite store never deletes a stream (no operation can)' },
});

describe('sqlite store specifics', () => {
  it('reads a prefix the same through the stream index (a prefix of few events) as on the rowid (one of many)', async () => {
    const store = new SqliteEventStore(join(dir, 'plans.sqlite'));
    const streams = ['article-a', 'feed-x', 'article-b', 'feed-y', 'article-c', 'other'];
    for (let i = 0; i < 60; i++)
      await store.append(
        streams[i % streams.length],
        [
          { type: 'T', data: { i } },
          { type: 'U', data: { i } },
        ],
        ANY,
      );
    await store.close();
    const db = new Database(join(dir, 'plans.sqlite'), { readonly: true });
    // Thresholds that send every prefix one way: on the rowid (0 events is few), through the index (all are).
    const [onRowid, throughIndex] = [readAll(db, -1), readAll(db, Number.MAX_SAFE_INTEGER)];
    const log = onRowid();
    const cases = ['article-', 'feed-', 'feed-y', 'none-'].flatMap((streamPrefix) =>
      [undefined, 0n, 37n, 119n].flatMap((after) => [undefined, 1, 7, 1000].map((maxCount) => ({ streamPrefix, after, maxCount }))),
    );
    for (const options of cases) {
      const expected = log
        .filter((e) => e.streamName.startsWith(options.streamPrefix) && (options.after === undefined || e.position > options.after))
        .slice(0, options.maxCount);
      expect(onRowid(options)).toEqual(expected);
      expect(throughIndex(options)).toEqual(expected);
    }
    expect(throughIndex({ streamPrefix: 'article-', fromPosition: 40n, maxCount: 3 })).toEqual(
      onRowid({ streamPrefix: 'article-', fromPosition: 40n, maxCount: 3 }),
    );
    db.close();
  });

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
    await store.append(
      'article-x',
      [
        { type: 'T', data: { ok: true } },
        { type: 'T', data: { ok: true } },
      ],
      NO_STREAM,
    );
    const db = new Database(file);
    db.prepare("UPDATE events SET data = '{broken' WHERE revision = 1").run();
    db.close();
    await expect(store.readStream('article-x')).rejects.toThrow(CorruptEventError);
    await expect(store.readStream('article-x')).rejects.toThrow(/article-x@1/);
    // readAll reads raw rows (arrays by column): the report still names the row's stream and revision.
    await expect(store.readAll()).rejects.toThrow(/article-x@1/);
    await expect(store.readAll({ streamPrefix: 'article-' })).rejects.toThrow(/article-x@1 is corrupt: not JSON/);
    await store.close();
  });
});

describe('sqlite group commit', () => {
  it('commits appends issued in one turn in one transaction, each still all or nothing', async () => {
    const file = join(dir, 'group.sqlite');
    const store = new SqliteEventStore(file);
    // Watch the batches the store's group commit hands to SQLite: one transaction each.
    const writes = (store as unknown as { writes: { write: (items: unknown[]) => unknown } }).writes;
    const inner = writes.write;
    const transactions: number[] = [];
    writes.write = (items) => {
      transactions.push(items.length);
      return inner(items);
    };
    // The second event of append 2 cannot be serialised: that append must vanish whole, its neighbours stay.
    const bad = [
      { type: 'T', data: { ok: 1 } },
      { type: 'T', data: { n: 1n } as unknown },
    ];
    const results = await Promise.allSettled([
      store.append('g-0', [{ type: 'T', data: { i: 0 } }], NO_STREAM),
      store.append(
        'g-1',
        [
          { type: 'T', data: { i: 1 } },
          { type: 'T', data: { i: 1 } },
        ],
        NO_STREAM,
      ),
      store.append('g-2', bad, NO_STREAM),
      store.append('g-3', [{ type: 'T', data: { i: 3 } }], NO_STREAM),
    ]);
    expect(transactions).toEqual([4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    await expect(store.readStream('g-2')).rejects.toThrow(/not found/);
    const all = await store.readAll();
    expect(all.map((e) => `${e.streamName}@${e.revision}`)).toEqual(['g-0@0', 'g-1@0', 'g-1@1', 'g-3@0']);
    // Positions stay dense: the undone append left no hole in the log.
    expect(all.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n]);
    await store.close();
  });
});
