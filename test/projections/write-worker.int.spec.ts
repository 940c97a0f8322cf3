// The read models written from the write worker (src/projections/write-worker/): the runner's
// thread only reads the file, and the rows are the ones writes in the event loop's thread give —
// caught up, live, rebuilt while written live, and after a restart, which replays nothing.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { hashOfRows } from '../../src/projections/stored-hash.js';
import { WorkerWrites } from '../../src/projections/write-worker/worker-writes.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { STORED_READ_MODELS } from '../../src/read-models/index.js';
import { writeCorpus } from '../support/article-corpus.js';
import { fillStore } from '../support/fill-store.js';
import { writeArticles } from '../support/sparse-store.js';
import { startRunner } from '../support/started-runner.js';

const hashes = (store: SqliteReadModelStore): Record<string, string> =>
  Object.fromEntries(STORED_READ_MODELS.map((m) => [m.name, hashOfRows(store.reader(), m.tables)]));

describe('read models written from the write worker', () => {
  const dirs: string[] = [];
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const newDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-write-worker-'));
    dirs.push(dir);
    return dir;
  };

  /** A runner over `file`, its writes in a worker (or in this thread); stopped at the end of the test unless stopped before. */
  const runnerOn = async (events: SqliteEventStore, file: string, inWorker: boolean) => {
    const lost: Error[] = [];
    const store = new SqliteReadModelStore(file, STORED_READ_MODELS, { writes: inWorker ? 'elsewhere' : 'here' });
    const writes = inWorker ? new WorkerWrites(file, (error) => lost.push(error)) : undefined;
    return { ...(await startRunner(events, store, STORED_READ_MODELS, { writes, batchSize: 64 }, cleanup)), lost };
  };

  it('writes the rows the event loop would: caught up, live, rebuilt while written live, and resumed after a restart', async () => {
    const dir = newDir();
    const texts = writeCorpus(join(dir, 'corpus'), 40).map((file) => readFileSync(file, 'utf8'));
    const real = defaultExtractor();
    fillStore(join(dir, 'events.sqlite'), texts, () => real);
    const events = new SqliteEventStore(join(dir, 'events.sqlite'), { pollMs: 20 });
    cleanup.push(() => events.close());

    const worker = await runnerOn(events, join(dir, 'worker.sqlite'), true);
    const thread = await runnerOn(events, join(dir, 'thread.sqlite'), false);
    expect(worker.runner.writesRunIn()).toBe('worker');
    expect(thread.runner.writesRunIn()).toBe('thread');
    const live = await writeArticles(events, 20);
    for (const { runner } of [worker, thread]) expect(await runner.waitFor(live)).toBe(true);
    const expected = hashes(thread.store);
    expect(hashes(worker.store)).toEqual(expected);
    expect(worker.runner.status().every((v) => v.processed > 100 && v.checkpoint === live)).toBe(true);
    // This thread's connection only reads.
    expect(() => worker.store.collectGarbage()).toThrow(/only reads/);

    // A rebuild of every read model while articles keep coming: swapped in, and still the same rows.
    const rebuilt = worker.runner.rebuild();
    await writeArticles(events, 10, 20);
    await rebuilt;
    // Written to the swapped-in generation only: this thread reads it once told of the swap.
    const more = await writeArticles(events, 5, 30);
    for (const { runner } of [worker, thread]) expect(await runner.waitFor(more)).toBe(true);
    expect(worker.runner.status().every((v) => v.lastRebuild !== null)).toBe(true);
    const afterRebuild = hashes(thread.store);
    expect(hashes(worker.store)).toEqual(afterRebuild);
    expect(afterRebuild).not.toEqual(expected);

    await worker.stop();
    const again = await runnerOn(events, join(dir, 'worker.sqlite'), true);
    expect(await again.runner.waitFor(more)).toBe(true);
    expect(again.runner.status().map((v) => v.processed)).toEqual(STORED_READ_MODELS.map(() => 0));
    expect(hashes(again.store)).toEqual(afterRebuild);
    expect(worker.lost).toEqual([]);
  });

  it('tells the service when the worker is lost, and every call then fails with why', async () => {
    // A file where the worker needs a folder: it fails as it opens the read-model file.
    const notAFolder = join(newDir(), 'plain');
    writeFileSync(notAFolder, '');
    const file = join(notAFolder, 'read-models.sqlite');
    const error = await new Promise<Error>((resolve) => new WorkerWrites(file, resolve));
    expect(error.message).toMatch(/EEXIST|ENOTDIR/);
    const told: Error[] = [];
    const writes = new WorkerWrites(file, (e) => told.push(e));
    await expect(writes.commit()).rejects.toThrow();
    expect(told).toHaveLength(1);
    await expect(writes.checkpoint('claims')).rejects.toThrow(told[0].message);
  });

  it('sizes its applies as the event loop does, told with each answer: live and rebuild apart', async () => {
    const writes = new WorkerWrites(join(newDir(), 'read-models.sqlite'), () => undefined);
    cleanup.push(() => writes.close());
    const starting = writes.eventsPerWrite(false);
    expect(writes.eventsPerWrite(true)).toBe(starting);
    // Events reported invalid write nothing but the checkpoint: each apply is far under its few ms,
    // so the worker doubles the live size after each one that took a whole batch.
    let from = { position: 0n, events: 0 };
    for (let write = 0; write < 10 && writes.eventsPerWrite(false) === starting; write++) {
      const count = writes.eventsPerWrite(false);
      const entries = Array.from({ length: count }, (_, i) => ({ position: from.position + BigInt(i + 1), event: null }));
      from = await writes.write('claims', entries, from);
    }
    expect(writes.eventsPerWrite(false)).toBeGreaterThan(starting);
    expect(writes.eventsPerWrite(true)).toBe(starting);
    await writes.commit();
    expect(from.events).toBeGreaterThan(0);
  });
});
