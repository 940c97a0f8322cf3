// The runner of the stored read models over a real SQLite event store and read-model file: catch-up,
// live batches, restart from the checkpoints, rebuilds (asked, or for rows of another version), and
// the timeline through which asOf finds a position.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import type { StoredRunnerOptions } from '../../src/projections/stored-projection-runner.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import type { StoredReadModel } from '../../src/read-models/stored-read-model.js';
import { timelineReadModel } from '../../src/read-models/timeline/timeline.stored.js';
import { positionOf } from '../../src/read-models/timeline/timeline.stored-queries.js';
import { positionsReadModel, seenPositions, typesSeen } from '../support/positions-read-model.js';
import { writeArticles } from '../support/sparse-store.js';
import { startRunner } from '../support/started-runner.js';

/** The same name and events, a new meaning: v2 keeps only the claims, so rows v1 wrote are wrong for it. */
const claimsOnly: StoredReadModel = {
  ...positionsReadModel,
  version: 2,
  apply: (writer, e) => (e.event.type === 'ArticleIngested' ? undefined : positionsReadModel.apply(writer, e)),
};
const READ_MODELS = [positionsReadModel, timelineReadModel];

describe('stored projection runner', () => {
  const dirs: string[] = [];
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-stored-runner-'));
    dirs.push(dir);
    const events = new SqliteEventStore(join(dir, 'events.sqlite'), { pollMs: 20 });
    cleanup.push(() => events.close());
    return { dir, events };
  };
  /** A runner over DATA_DIR's read-model file; stopped (and the file closed) at the end of the test unless stopped before. */
  const runnerOn = async (dir: string, events: SqliteEventStore, readModels: readonly StoredReadModel[] = READ_MODELS, options: StoredRunnerOptions = {}) => {
    const store = new SqliteReadModelStore(join(dir, 'read-models.sqlite'), readModels);
    return startRunner(events, store, readModels, options, cleanup);
  };
  const allPositions = async (events: SqliteEventStore) => (await events.readAll()).map((e) => e.position.toString());

  it('catches up, then follows live appends in batches; waitFor gives read-your-writes; ready once level with the head at start', async () => {
    const { dir, events } = setup();
    await writeArticles(events, 300);
    const { runner, store } = await runnerOn(dir, events, READ_MODELS, { batchSize: 64 });
    expect(runner.ready()).toBe(false);
    const position = await writeArticles(events, 1, 300);
    expect(await runner.waitFor(position)).toBe(true);
    expect(runner.ready()).toBe(true);
    expect(seenPositions(store.reader())).toEqual(await allPositions(events));
    expect(runner.status().map((v) => [v.name, v.events, v.processed])).toEqual([
      ['positions', 903, 903],
      ['timeline', 903, 903],
    ]);
    expect(store.checkpoint('positions')).toEqual({ version: 1, position, events: 903 });
  });

  it('resumes from the checkpoints saved with the rows after a restart, reprocessing nothing', async () => {
    const { dir, events } = setup();
    const first = await runnerOn(dir, events);
    const { runner } = first;
    expect(await runner.waitFor(await writeArticles(events, 3))).toBe(true);
    await first.stop();

    await writeArticles(events, 2, 3);
    const second = await runnerOn(dir, events);
    expect(await second.runner.waitFor(await events.headPosition())).toBe(true);
    expect(seenPositions(second.store.reader())).toEqual(await allPositions(events));
    expect(second.runner.status().map((v) => [v.processed, v.events])).toEqual([
      [6, 15],
      [6, 15],
    ]);
  });

  it('rebuilds at start a read model whose rows another version wrote, while the old rows serve, and ends equal to a fresh build', async () => {
    const { dir, events } = setup();
    await writeArticles(events, 30);
    const first = await runnerOn(dir, events);
    expect(await first.runner.waitFor(await events.headPosition())).toBe(true);
    await first.stop();

    const second = await runnerOn(dir, events, [claimsOnly, timelineReadModel]);
    const [upgraded, kept] = second.runner.status();
    expect(upgraded).toMatchObject({ name: 'positions', version: 2, outdated: { savedVersion: 1 } });
    expect(kept).toMatchObject({ name: 'timeline', outdated: null, processed: 0 });
    const position = await writeArticles(events, 1, 30);
    await second.runner.outdatedRebuild;
    expect(await second.runner.waitFor(position)).toBe(true);
    expect(second.runner.status()[0]).toMatchObject({ outdated: null, lastRebuild: { events: expect.any(Number) } });
    expect(typesSeen(second.store.reader()).filter((t) => t === 'ArticleIngested')).toEqual([]);
    const rebuilt = seenPositions(second.store.reader());
    await second.stop();

    // A fresh read-model file built by v2 from position 0 holds the same rows; and a third start rebuilds nothing.
    const freshDir = mkdtempSync(join(tmpdir(), 'claimtrail-stored-fresh-'));
    dirs.push(freshDir);
    const fresh = await runnerOn(freshDir, events, [claimsOnly]);
    expect(await fresh.runner.waitFor(position)).toBe(true);
    expect(seenPositions(fresh.store.reader())).toEqual(rebuilt);
    expect(rebuilt).toHaveLength(62);
    const third = await runnerOn(dir, events, [claimsOnly, timelineReadModel]);
    expect(third.runner.status().map((v) => v.outdated)).toEqual([null, null]);
    expect(seenPositions(third.store.reader())).toEqual(rebuilt);
  });

  it('rebuilds beside the live rows, with appends during the rebuild, and swaps in rows equal to them; old generations are collected', async () => {
    const { dir, events } = setup();
    await writeArticles(events, 200);
    const { runner, store } = await runnerOn(dir, events, READ_MODELS, { gcEveryMs: 10 });
    expect(await runner.waitFor(await events.headPosition())).toBe(true);
    const rebuilding = runner.rebuild();
    await writeArticles(events, 5, 200);
    await rebuilding;
    expect(await runner.waitFor(await events.headPosition())).toBe(true);
    expect(seenPositions(store.reader())).toEqual(await allPositions(events));
    expect(runner.status()[0].lastRebuild).toMatchObject({ events: expect.any(Number), eventsPerSecond: expect.any(Number) });
    // Time travel still works over the swapped-in generation (it was written with every version).
    const all = await events.readAll();
    expect(seenPositions(store.reader(all[99].position))).toEqual(all.slice(0, 100).map((e) => e.position.toString()));
    // The old generation is collected when idle, in slices.
    const until = Date.now() + 5000;
    while (store.collectGarbage(0) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(store.collectGarbage(0)).toBe(false);
  });

  it('joins a rebuild asked for while one of the same read models runs, instead of starting another', async () => {
    const { dir, events } = setup();
    await writeArticles(events, 5);
    const { runner } = await runnerOn(dir, events);
    expect(await runner.waitFor(await events.headPosition())).toBe(true);
    const first = runner.rebuild();
    const joined = runner.rebuild(['positions']);
    await Promise.all([first, joined]);
    expect(runner.status().map((v) => v.lastRebuild?.finishedAt)).toEqual([expect.any(String), expect.any(String)]);
    const finished = runner.status()[0].lastRebuild!.finishedAt;
    expect(runner.status()[1].lastRebuild!.finishedAt).toBe(finished);
    await expect(runner.rebuild(['nope'])).rejects.toThrow('no read model named nope');
  });

  it('a rebuild killed by a stop leaves the active rows serving; the next start drops the unfinished generation', async () => {
    const { dir, events } = setup();
    await writeArticles(events, 400);
    const first = await runnerOn(dir, events);
    expect(await first.runner.waitFor(await events.headPosition())).toBe(true);
    const rebuilding = first.runner.rebuild().catch((error: Error) => error.message);
    await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    expect(await rebuilding).toBe('the runner stopped');
    const second = await runnerOn(dir, events);
    expect(await second.runner.waitFor(await events.headPosition())).toBe(true);
    expect(seenPositions(second.store.reader())).toEqual(await allPositions(events));
    expect(second.runner.status()[0].processed).toBe(0);
  });

  it('the timeline maps a time and a count of events to the position a replay stopping there reaches', async () => {
    const { dir, events } = setup();
    const { runner, store } = await runnerOn(dir, events);
    await writeArticles(events, 3);
    await new Promise((r) => setTimeout(r, 30));
    const later = await writeArticles(events, 2, 3);
    expect(await runner.waitFor(later)).toBe(true);
    const all = await events.readAll();
    const reader = store.reader();
    expect(positionOf(reader, { events: 0 })).toBe(-1n);
    expect(positionOf(reader, { events: 4 })).toBe(all[3].position);
    expect(positionOf(reader, { events: 99 })).toBe(later);
    expect(positionOf(reader, { time: new Date(all[0].created.getTime() - 1) })).toBe(-1n);
    expect(positionOf(reader, { time: all[8].created })).toBe(all.filter((e) => e.created <= all[8].created).at(-1)!.position);
    expect(positionOf(reader, { time: new Date(all[14].created.getTime() + 1) })).toBe(later);
  });
});
