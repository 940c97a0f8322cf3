import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ViewSnapshots } from '../../src/projections/view-snapshots.js';
import { decodeState, encodeState } from '../../src/read-models/shared/json-state.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-snapshots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `views-${++n}.sqlite`);

describe('view snapshots', () => {
  it('round-trips a big view split over many rows, Map order and all', () => {
    const path = file();
    const state = {
      claims: new Map(Array.from({ length: 50_001 }, (_, i) => [`c${(i * 7919) % 50_001}`, { i, tags: ['a', `t${i % 3}`] }])),
      empty: new Map(),
      counts: { total: 50_001 },
      list: [1, 2, 3],
    };
    const snapshots = new ViewSnapshots(path);
    snapshots.save([{ name: 'big', version: 1, checkpoint: 123n, state: encodeState(state) }]);
    snapshots.close();
    // No single row holds the whole view.
    const db = new Database(path, { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM view_parts WHERE name = 'big' AND field = 'claims'").get() as { n: number }).n).toBe(3);
    db.close();
    const reopened = new ViewSnapshots(path);
    const loaded = reopened.load('big')!;
    expect(loaded.checkpoint).toBe(123n);
    expect(decodeState(loaded.state)).toEqual(state);
    expect([...(decodeState(loaded.state) as typeof state).claims.keys()]).toEqual([...state.claims.keys()]);
    reopened.close();
  });

  it('loads a snapshot written whole by an older version, and replaces it on the next save', () => {
    const path = file();
    new ViewSnapshots(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO views (name, checkpoint, state, saved) VALUES (?, ?, ?, ?)').run('old', '7', JSON.stringify(encodeState({ m: new Map([['k', 1]]) })), Date.now());
    db.close();
    const snapshots = new ViewSnapshots(path);
    expect(decodeState(snapshots.load('old')!.state)).toEqual({ m: new Map([['k', 1]]) });
    // Saved before versions were recorded: version 0, which no read model has, so it is rebuilt.
    expect(snapshots.load('old')!.version).toBe(0);
    snapshots.save([{ name: 'old', version: 3, checkpoint: 9n, state: encodeState({ m: new Map([['k', 2]]) }) }]);
    expect(snapshots.load('old')!).toMatchObject({ checkpoint: 9n, version: 3 });
    expect(decodeState(snapshots.load('old')!.state)).toEqual({ m: new Map([['k', 2]]) });
    snapshots.close();
  });

  it('keeps the last good snapshot whole when a state cannot be serialised', () => {
    const snapshots = new ViewSnapshots(file());
    snapshots.save([{ name: 'v', version: 1, checkpoint: 1n, state: encodeState({ m: new Map([['a', 1]]) }) }]);
    expect(() => snapshots.save([{ name: 'v', version: 1, checkpoint: 2n, state: { m: { $map: [['a', 1n]] } } }])).toThrow(/BigInt/);
    expect(snapshots.load('v')!.checkpoint).toBe(1n);
    expect(decodeState(snapshots.load('v')!.state)).toEqual({ m: new Map([['a', 1]]) });
    snapshots.close();
  });
});
