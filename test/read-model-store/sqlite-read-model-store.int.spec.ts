import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineTable, type Find, type PositionedWrite, type ReadModelWriter } from '../../src/read-model-store/read-model-store.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { referenceReader, type Op } from './reference-store.js';

// The store keeps the live counts of its `a:` terms (a find by one of them alone reads its count).
const THINGS = defineTable<unknown>('things', { countedTerms: ['a:'] });
// A count's table: its terms do not carry the sort (the finds sort what a term selects).
const TALLIES = defineTable<unknown>('tallies', { sortMoves: true });
const OTHERS = defineTable<unknown>('others');
const READ_MODELS = [
  { name: 'things', tables: [THINGS, TALLIES] },
  { name: 'others', tables: [OTHERS] },
];
const CHECKPOINT = { version: 1, position: 0n, events: 0 };

const TERMS = ['a:1', 'a:2', 'b:1', 'b:2', 'c'];
const write = fc.record({
  table: fc.constantFrom(THINGS, TALLIES),
  key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5'),
  write: fc.option(fc.record({ doc: fc.record({ n: fc.integer({ min: 0, max: 3 }) }), sort: fc.integer({ min: 0, max: 4 }), terms: fc.subarray(TERMS) }), {
    freq: 4,
  }),
});
/** Events, each a few writes (one event may write a row twice). */
const events = fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 });
const find = fc.record({
  table: fc.constantFrom(THINGS, TALLIES),
  all: fc.subarray(TERMS, { maxLength: 2 }),
  any: fc.array(fc.subarray(TERMS, { minLength: 1, maxLength: 2 }), { maxLength: 1 }),
  none: fc.subarray(TERMS, { maxLength: 1 }),
  from: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  to: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  order: fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
  offset: fc.integer({ min: 0, max: 2 }),
  limit: fc.integer({ min: 0, max: 3 }),
  count: fc.constantFrom(undefined, false),
}) satisfies fc.Arbitrary<Find>;

/** Applies the events at positions 10, 20, ... in batches of two, and lists them as reference ops. */
const applyAll = (store: SqliteReadModelStore, batches: Array<Array<Omit<Op, 'position'>>>): Op[] => {
  const ops: Op[] = [];
  const writes: PositionedWrite[] = batches.map((batch, i) => {
    const position = BigInt((i + 1) * 10);
    for (const w of batch) ops.push({ position, ...w });
    return { position, write: (writer) => batch.forEach((w) => (w.write ? writer.put(w.table, { ...w.write, key: w.key }) : writer.remove(w.table, w.key))) };
  });
  for (let i = 0; i < writes.length; i += 2)
    store.apply('things', writes.slice(i, i + 2), { ...CHECKPOINT, position: writes[Math.min(i + 1, writes.length - 1)].position });
  return ops;
};

describe('SQLite read-model store, against a brute-force reference', () => {
  it('answers every find, get and term count as the reference does, live and as of every position', () => {
    fc.assert(
      fc.property(events, fc.array(find, { minLength: 1, maxLength: 4 }), (batches, finds) => {
        const store = new SqliteReadModelStore(':memory:', READ_MODELS);
        const ops = applyAll(store, batches);
        const positions = [undefined, 0n, ...batches.map((_, i) => BigInt((i + 1) * 10)), 15n];
        for (const at of positions) {
          const actual = store.reader(at);
          const expected = referenceReader(ops, at);
          for (const query of finds) {
            expect(actual.find(query)).toEqual(expected.find(query));
            expect(actual.countTerms(query, 'a:')).toEqual(expected.countTerms(query, 'a:'));
            expect(actual.keys(query)).toEqual(expected.keys(query));
            expect(actual.keys(query, 2)).toEqual(expected.keys(query, 2));
          }
          // By one term alone: a counted one is answered from its kept count (live), the others by their terms.
          for (const term of TERMS)
            expect(actual.find({ table: THINGS, all: [term], limit: 1 })).toEqual(expected.find({ table: THINGS, all: [term], limit: 1 }));
          for (const key of ['k1', 'k2', 'k5']) expect(actual.get(THINGS, key)).toEqual(expected.get(THINGS, key));
          expect(actual.getMany(TALLIES, ['k1', 'k3', 'k3'])).toEqual(expected.getMany(TALLIES, ['k1', 'k3']));
        }
        store.close();
      }),
      { numRuns: 150 },
    );
  });

  it('saves the checkpoint in the transaction of its rows, and rolls both back when a write throws', () => {
    const store = new SqliteReadModelStore(':memory:', READ_MODELS);
    store.apply('things', [{ position: 5n, write: (w) => w.put(THINGS, { key: 'a', doc: 1 }) }], { version: 2, position: 5n, events: 1 });
    expect(() =>
      store.apply(
        'things',
        [
          { position: 6n, write: (w) => w.put(THINGS, { key: 'b', doc: 2 }) },
          {
            position: 7n,
            write: () => {
              throw new Error('reducer failed');
            },
          },
        ],
        { version: 2, position: 7n, events: 3 },
      ),
    ).toThrow('reducer failed');
    expect(store.checkpoint('things')).toEqual({ version: 2, position: 5n, events: 1 });
    expect(store.reader().get(THINGS, 'b')).toBeUndefined();
    expect(store.reader().get(THINGS, 'a')).toBe(1);
  });

  it('rebuilds into fresh tables while the old ones serve, swaps in one step, and collects the old rows', () => {
    const store = new SqliteReadModelStore(':memory:', READ_MODELS);
    store.apply('things', [{ position: 1n, write: (w) => w.put(THINGS, { key: 'old', doc: 'old', terms: ['c'] }) }], { ...CHECKPOINT, position: 1n });
    store.apply('others', [{ position: 1n, write: (w) => w.put(OTHERS, { key: 'o', doc: 'kept' }) }], { ...CHECKPOINT, position: 1n });
    const target = store.beginRebuild('things');
    store.apply(
      'things',
      [{ position: 1n, write: (w) => w.put(THINGS, { key: 'new', doc: w.get(OTHERS, 'o'), terms: ['c'] }) }],
      { version: 2, position: 1n, events: 1 },
      target,
    );
    expect(
      store
        .reader()
        .find({ table: THINGS, all: ['c'] })
        .rows.map((r) => r.key),
    ).toEqual(['old']);
    expect(store.checkpoint('things')?.version).toBe(1);
    store.finishRebuild(target);
    expect(store.reader().find({ table: THINGS, all: ['c'] }).rows).toEqual([{ key: 'new', sort: 0, doc: 'kept' }]);
    expect(store.checkpoint('things')).toEqual({ version: 2, position: 1n, events: 1 });
    while (store.collectGarbage(1));
    expect(store.reader().get(OTHERS, 'o')).toBe('kept');
  });

  it('collects every row version and live and closed term of a replaced generation, slice by slice', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const store = new SqliteReadModelStore(file, READ_MODELS);
    // Versions of rows and terms both live and closed: a moved sort and a lost term end some.
    const versions: PositionedWrite[] = [1, 2, 3].map((n) => ({
      position: BigInt(n),
      write: (w) => ['x', 'y'].forEach((key) => w.put(THINGS, { key, doc: n, sort: n, terms: n < 3 ? ['a:1', 'c'] : ['c', 'a:2'] })),
    }));
    store.apply('things', versions, { ...CHECKPOINT, position: 3n });
    const counts = (): number[] => {
      const raw = new Database(file, { readonly: true });
      const found = ['rows', 'live_terms', 'closed_terms', 'term_counts', 'counted_tids', 'sort_bounds', 'bounded_tids'].map(
        (table) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
      );
      raw.close();
      return found;
    };
    store.commit();
    expect(counts().every((n) => n > 0)).toBe(true);
    store.finishRebuild(store.beginRebuild('things'));
    let slices = 0;
    while (store.collectGarbage(1)) slices++;
    // The rebuilt generation wrote nothing: only its tids are left, listed as bounded and (one) counted.
    expect(counts()).toEqual([0, 0, 0, 0, 1, 0, 2]);
    expect(slices).toBeGreaterThan(3);
    store.close();
  });

  it('counts a counted term by its kept count, live and within a transaction, and a table written before counting by its terms', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const uncounted = defineTable<unknown>('things');
    const before = new SqliteReadModelStore(file, [
      { name: 'things', tables: [uncounted] },
      { name: 'others', tables: [OTHERS] },
    ]);
    const put = (table: typeof THINGS, keys: string[], position: bigint): PositionedWrite => ({
      position,
      write: (w) => keys.forEach((key) => w.put(table, { key, doc: key, terms: ['a:1'] })),
    });
    before.apply('things', [put(uncounted, ['x', 'y'], 1n)], { ...CHECKPOINT, position: 1n });
    before.close();
    const store = new SqliteReadModelStore(file, READ_MODELS);
    const raw = new Database(file);
    const kept = (): unknown[] => raw.prepare('SELECT n FROM term_counts').pluck().all();
    // The table's rows were written uncounted: its finds count them by their terms, and keep no count.
    store.apply('things', [put(THINGS, ['z'], 2n)], { ...CHECKPOINT, position: 2n });
    store.commit();
    expect(store.reader().find({ table: THINGS, all: ['a:1'], limit: 0 }).total).toBe(3);
    expect(kept()).toEqual([]);
    // Rebuilt, it is counted from its first row; a find inside the transaction sees its own writes.
    const target = store.beginRebuild('things');
    let inside = -1;
    const counting: PositionedWrite = { position: 3n, write: (w) => (inside = w.find({ table: THINGS, all: ['a:1'], limit: 0 }).total) };
    store.apply(
      'things',
      [put(THINGS, ['p', 'q'], 2n), { position: 3n, write: (w) => w.remove(THINGS, 'p') }, counting],
      { ...CHECKPOINT, position: 3n },
      target,
    );
    store.finishRebuild(target);
    expect(inside).toBe(1);
    expect(kept()).toEqual([1]);
    expect(store.reader().find({ table: THINGS, all: ['a:1'], limit: 0 }).total).toBe(1);
    raw.close();
    store.close();
  });

  it('takes terms and keys with lone surrogates, which SQLite stores as U+FFFD, through moved sorts and lost terms', () => {
    const store = new SqliteReadModelStore(':memory:', READ_MODELS);
    // Two terms JavaScript tells apart and SQLite would not ('\uD800x' and '\uDBFFx' are both '\uFFFDx').
    const terms = (n: number): string[] => (n < 3 ? ['\uD800x', '\uDBFFx', 'c'] : ['\uD800x']);
    const writes: PositionedWrite[] = [1, 2, 3, 4].map((n) => ({
      position: BigInt(n),
      write: (w) => w.put(THINGS, { key: 'k\uDC00', doc: n, sort: n % 2, terms: terms(n) }),
    }));
    store.apply('things', writes, { ...CHECKPOINT, position: 4n });
    expect(store.reader().find({ table: THINGS, all: ['\uFFFDx'] }).rows).toEqual([{ key: 'k\uFFFD', sort: 0, doc: 4 }]);
    expect(store.reader(2n).find({ table: THINGS, all: ['c'] }).rows).toEqual([{ key: 'k\uFFFD', sort: 0, doc: 2 }]);
    store.close();
  });

  it('keeps rows and checkpoints across a reopen, and drops them when bound to another log', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const first = new SqliteReadModelStore(file, READ_MODELS);
    expect(first.bindTo('log-1')).toBe(false);
    first.apply('things', [{ position: 3n, write: (w) => w.put(THINGS, { key: 'a', doc: { n: 1 } }) }], { version: 1, position: 3n, events: 1 });
    first.close();
    const second = new SqliteReadModelStore(file, READ_MODELS);
    expect(second.bindTo('log-1')).toBe(false);
    expect(second.checkpoint('things')).toEqual({ version: 1, position: 3n, events: 1 });
    expect(second.reader().get(THINGS, 'a')).toEqual({ n: 1 });
    expect(second.bindTo('log-2')).toBe(true);
    expect(second.checkpoint('things')).toBeNull();
    expect(second.reader().get(THINGS, 'a')).toBeUndefined();
    second.close();
  });

  it('drops a rebuild a crash left unfinished: the active rows and checkpoint stay, the rebuilt ones are collected', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const first = new SqliteReadModelStore(file, READ_MODELS);
    first.apply('things', [{ position: 1n, write: (w) => w.put(THINGS, { key: 'live', doc: 1 }) }], { version: 1, position: 1n, events: 1 });
    const target = first.beginRebuild('things');
    first.apply('things', [{ position: 1n, write: (w) => w.put(THINGS, { key: 'half', doc: 2 }) }], { version: 2, position: 1n, events: 1 }, target);
    // The process dies here: no finishRebuild, no abandonRebuild.
    first.close();
    const second = new SqliteReadModelStore(file, READ_MODELS);
    second.abandonUnfinishedRebuilds('things');
    expect(second.checkpoint('things')).toEqual({ version: 1, position: 1n, events: 1 });
    expect(
      second
        .reader()
        .find({ table: THINGS })
        .rows.map((r) => r.key),
    ).toEqual(['live']);
    expect(second.collectGarbage()).toBe(true);
    while (second.collectGarbage());
    // A new rebuild starts from empty tables, not from the dropped ones.
    const again = second.beginRebuild('things');
    second.finishRebuild(again);
    expect(second.reader().find({ table: THINGS }).rows).toEqual([]);
    second.close();
  });

  it('holds applies open until commit: readers see none of them before, all after, and a failed apply leaves the others', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const store = new SqliteReadModelStore(file, READ_MODELS);
    store.apply('things', [{ position: 1n, write: (w) => w.put(THINGS, { key: 'a', doc: 1, terms: ['c'] }) }], { version: 1, position: 1n, events: 1 });
    const putThenFail = (w: ReadModelWriter): void => {
      w.put(THINGS, { key: 'b', doc: 2 });
      throw new Error('reducer failed');
    };
    expect(() => store.apply('things', [{ position: 2n, write: putThenFail }], { version: 1, position: 2n, events: 2 })).toThrow('reducer failed');
    store.apply('things', [{ position: 3n, write: (w) => w.put(THINGS, { key: 'a', doc: 3, terms: ['c'] }) }], { version: 1, position: 3n, events: 3 });
    expect(store.reader().get(THINGS, 'a')).toBeUndefined();
    expect(store.reader().find({ table: THINGS, all: ['c'] }).total).toBe(0);
    // Another process opening the file now finds nothing either: a crash here loses the open applies and their checkpoint together.
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT count(*) FROM checkpoints').pluck().get()).toBe(0);
    other.close();
    store.commit();
    expect(store.reader().get(THINGS, 'a')).toBe(3);
    expect(store.reader().get(THINGS, 'b')).toBeUndefined();
    expect(store.reader(1n).get(THINGS, 'a')).toBe(1);
    expect(store.checkpoint('things')).toEqual({ version: 1, position: 3n, events: 3 });
    store.close();
  });

  it('redoes the open applies of every read model when one throws: counted terms, kept sorts and new tables stay as if it never ran', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const store = new SqliteReadModelStore(file, READ_MODELS);
    const at = (position: bigint) => ({ version: 1, position, events: Number(position) });
    // Every table is first written in this open transaction, so the rollback removes them from the file.
    store.apply('things', [{ position: 1n, write: (w) => w.put(THINGS, { key: 'a', doc: 1, terms: ['a:1'] }) }], at(1n));
    store.apply('others', [{ position: 1n, write: (w) => w.put(OTHERS, { key: 'o', doc: 'kept' }) }], at(1n));
    store.apply('things', [{ position: 2n, write: (w) => w.put(TALLIES, { key: 't', doc: 2, sort: 5, terms: ['b:1'] }) }], at(2n));
    const failing = (w: ReadModelWriter): void => {
      w.put(THINGS, { key: 'a', doc: 'lost', terms: ['a:2'] });
      w.put(OTHERS, { key: 'p', doc: 'lost' });
      throw new Error('reducer failed');
    };
    expect(() => store.apply('things', [{ position: 3n, write: failing }], at(3n))).toThrow('reducer failed');
    store.apply('others', [{ position: 3n, write: (w) => w.put(OTHERS, { key: 'q', doc: 'after' }) }], at(3n));
    store.commit();
    const reader = store.reader();
    expect(reader.get(THINGS, 'a')).toBe(1);
    expect(reader.find({ table: THINGS, all: ['a:1'] }).total).toBe(1);
    expect(reader.find({ table: THINGS, all: ['a:2'] }).total).toBe(0);
    expect(reader.find({ table: TALLIES, all: ['b:1'] }).rows).toEqual([{ key: 't', doc: 2, sort: 5 }]);
    expect([reader.get(OTHERS, 'o'), reader.get(OTHERS, 'p'), reader.get(OTHERS, 'q')]).toEqual(['kept', undefined, 'after']);
    expect(store.checkpoint('things')).toEqual(at(2n));
    expect(store.checkpoint('others')).toEqual(at(3n));
    store.close();
    // As a restart reads the file.
    const again = new SqliteReadModelStore(file, READ_MODELS);
    expect(again.reader().get(OTHERS, 'o')).toBe('kept');
    expect(again.reader().find({ table: TALLIES, all: ['b:1'] }).total).toBe(1);
    again.close();
  });

  it('empties a file written with another schema, so every read model rebuilds from the log', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'read-models-')), 'read-models.sqlite');
    const first = new SqliteReadModelStore(file, READ_MODELS);
    first.apply('things', [{ position: 3n, write: (w) => w.put(THINGS, { key: 'a', doc: 1 }) }], { version: 1, position: 3n, events: 1 });
    first.close();
    const raw = new Database(file);
    raw.prepare("UPDATE meta SET value = '0' WHERE key = 'schema'").run();
    raw.close();
    const second = new SqliteReadModelStore(file, READ_MODELS);
    expect(second.checkpoint('things')).toBeNull();
    expect(second.reader().get(THINGS, 'a')).toBeUndefined();
    second.apply('things', [{ position: 4n, write: (w) => w.put(THINGS, { key: 'b', doc: 2 }) }], { version: 1, position: 4n, events: 1 });
    second.close();
    const third = new SqliteReadModelStore(file, READ_MODELS);
    expect(third.reader().get(THINGS, 'b')).toBe(2);
    third.close();
  });
});
