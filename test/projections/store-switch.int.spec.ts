// read-models.sqlite lives in DATA_DIR whichever event store is in use. Its checkpoints are positions
// of one log: resumed on another (SQLite rowids on EventStoreDB, byte offsets on SQLite) they would
// start at a wrong place or skip events. The file is bound to the log it was built from.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { StoredProjectionRunner } from '../../src/projections/stored-projection-runner.js';
import { readModelFile, SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { positionsReadModel, seenPositions } from '../support/positions-read-model.js';
import { sparseStore, writeArticles } from '../support/sparse-store.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-switch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the read models on `store` with DATA_DIR's read-model file until they are level with it, then stops. */
const runViews = async (store: EventStore) => {
  const rows = new SqliteReadModelStore(readModelFile(dir), [positionsReadModel]);
  const runner = new StoredProjectionRunner(store, rows, [positionsReadModel]);
  await runner.start();
  expect(await runner.waitFor(await store.headPosition())).toBe(true);
  const result = { seen: seenPositions(rows.reader()), discarded: runner.rowsOfAnotherLog, status: runner.status()[0] };
  await runner.stop();
  rows.close();
  return result;
};

const positionsOf = async (store: EventStore) => (await store.readAll()).map((e) => e.position.toString());

describe('switching stores under one DATA_DIR', () => {
  it('never serves read models built from another log, either way, and resumes its own only with its own log', async () => {
    const sqlite = new SqliteEventStore(join(dir, 'claimtrail.sqlite'));
    await writeArticles(sqlite, 3);
    const onSqlite = await runViews(sqlite);
    expect(onSqlite).toMatchObject({ seen: await positionsOf(sqlite), discarded: false });

    // The same DATA_DIR, now on an "EventStoreDB" (sparse positions) holding other events.
    const esdb = sparseStore();
    await writeArticles(esdb, 2, 100);
    const onEsdb = await runViews(esdb);
    expect(onEsdb.seen).toEqual(await positionsOf(esdb));
    expect(onEsdb.discarded).toBe(true);
    expect(onEsdb.status).toMatchObject({ events: 6 });

    // Back on SQLite, which got more events meanwhile: its read models are built again from its own log.
    await writeArticles(sqlite, 1, 3);
    const back = await runViews(sqlite);
    expect(back.seen).toEqual(await positionsOf(sqlite));
    expect(back).toMatchObject({ discarded: true, status: { events: 12 } });

    // And the same store again: its rows are resumed, not rebuilt.
    const again = await runViews(sqlite);
    expect(again).toMatchObject({ seen: back.seen, discarded: false, status: { events: 12, processed: 0 } });
    await sqlite.close();
  });

  it('a new SQLite file in the same place is another log', async () => {
    const first = new SqliteEventStore(join(dir, 'first.sqlite'));
    const second = new SqliteEventStore(join(dir, 'second.sqlite'));
    expect(await first.logId()).not.toBe(await second.logId());
    const reopened = new SqliteEventStore(join(dir, 'first.sqlite'));
    expect(await reopened.logId()).toBe(await first.logId());
    await Promise.all([first.close(), second.close(), reopened.close()]);
  });
});
