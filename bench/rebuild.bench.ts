// Rebuild: events per second rebuilding every read model from the log with the ProjectionRunner (in
// memory) and every stored read model with the StoredProjectionRunner (into a read-model file),
// against a raw scan of the same rows with JSON.parse (the floor); then resident memory per claim
// held by the rebuilt in-memory read models.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import Database from 'better-sqlite3';
import { Bench } from 'tinybench';
import { CLAIM_TYPES } from '../src/domain/claim.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { StoredProjectionRunner } from '../src/projections/stored-projection-runner.js';
import { readModelFile, SqliteReadModelStore } from '../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { ALL_PROJECTIONS, STORED_READ_MODELS, type Projection } from '../src/read-models/index.js';
import { loadStore } from './loaded-store.js';
import type { BenchOptions } from './main.js';
import { meanMs, ratio, report } from './results.js';

/** Largest semi-space size reached (new space is two of them), MiB. */
const semiSpaceMiB = (): number =>
  (getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 2 / 2 ** 20;

const gc = () => {
  if (!global.gc) throw new Error('run node with --expose-gc (npm run bench does)');
  global.gc();
  global.gc();
};

/** Each read model's apply, timed, so a shortfall says which read model the time goes to (costs ~2 timer reads an event). */
const timed = (projections: readonly Projection<unknown>[], spent: Map<string, number>): Projection<unknown>[] =>
  projections.map((p) => {
    spent.set(p.name, 0);
    return {
      ...p,
      apply: (state, e) => {
        const t = performance.now();
        const next = p.apply(state, e);
        spent.set(p.name, spent.get(p.name)! + performance.now() - t);
        return next;
      },
    };
  });

export const rebuildBench = async ({ events = 1_000_000, seed, store: given, views }: Pick<BenchOptions, 'events' | 'seed' | 'store' | 'views'>) => {
  const projections = views ? ALL_PROJECTIONS.filter((p) => views.includes(p.name)) : ALL_PROJECTIONS;
  if (views && projections.length !== views.length) throw new Error(`unknown read model in ${views.join(', ')}; there are ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  const spent = new Map<string, number>();
  const file = given ?? (await loadStore(events, seed)).file;
  const db = new Database(file, { readonly: true });
  const total = Number((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
  const claims = Number((db.prepare(`SELECT count(*) AS n FROM events WHERE type IN (${CLAIM_TYPES.map(() => '?').join(', ')})`)
    .get(...CLAIM_TYPES) as { n: number }).n);

  const store = new SqliteEventStore(file);
  let runner: ProjectionRunner | null = null;
  let rssBefore = 0;
  let scanned = 0;
  // CPU time of the process (all its threads) beside the wall time: on the shared machine other
  // load moved the one-pass floor between 31k and 115k events/s in consecutive runs.
  const cpuMs = { scan: 0, rebuild: 0, stored: 0 };
  const cpuSince = (start: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const bench = new Bench({ iterations: 1, time: 0, warmup: false });
  bench.add('raw scan with JSON.parse (floor)', () => {
    const start = process.cpuUsage();
    scanned = 0;
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      scanned++;
    }
    cpuMs.scan = cpuSince(start);
  });
  bench.add('ProjectionRunner.rebuild, every read model', async () => {
    const start = process.cpuUsage();
    await runner!.rebuild();
    cpuMs.rebuild = cpuSince(start);
  }, {
    beforeEach: () => {
      runner = null;
      gc();
      rssBefore = process.memoryUsage().rss;
      runner = new ProjectionRunner(store, timed(projections, spent));
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-rebuild-bench-'));
  const rows = new SqliteReadModelStore(readModelFile(dataDir), STORED_READ_MODELS);
  const stored = new StoredProjectionRunner(store, rows, STORED_READ_MODELS);
  bench.add('StoredProjectionRunner.rebuild, every stored read model', async () => {
    const start = process.cpuUsage();
    await stored.rebuild();
    cpuMs.stored = cpuSince(start);
  });
  await bench.run();
  rows.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (scanned !== total) throw new Error(`the scan read ${scanned} of ${total} rows`);
  gc();
  const rssAfter = process.memoryUsage().rss;
  const heapAfter = process.memoryUsage().heapUsed;
  const status = runner!.status();
  if (status.some((v) => v.checkpoint < 0n)) throw new Error('a read model was not rebuilt');

  const floor = (total * 1000) / meanMs(bench, 'raw scan with JSON.parse (floor)');
  const ours = (total * 1000) / meanMs(bench, 'ProjectionRunner.rebuild, every read model');
  const storedRate = (total * 1000) / meanMs(bench, 'StoredProjectionRunner.rebuild, every stored read model');
  const perClaim = (rssAfter - rssBefore) / claims;
  report({
    bench: 'rebuild',
    // The young generation the child ran with (npm run bench sets --max-semi-space-size): it changes the GC share of the figure.
    params: { events: total, claims, views: runner!.names, seed, store: given ? 'given' : 'loaded', semiSpaceMiB: semiSpaceMiB() },
    figures: [
      { name: 'raw scan with JSON.parse (floor)', value: floor, unit: 'events/s' },
      { name: 'ProjectionRunner.rebuild, every read model', value: ours, unit: 'events/s' },
      { name: `StoredProjectionRunner.rebuild (${stored.names.join(', ')})`, value: storedRate, unit: 'events/s' },
      { name: 'StoredProjectionRunner.rebuild, by CPU time', value: (total * 1000) / cpuMs.stored, unit: 'events/CPU-s' },
      { name: 'raw scan with JSON.parse (floor), by CPU time', value: (total * 1000) / cpuMs.scan, unit: 'events/CPU-s' },
      { name: 'ProjectionRunner.rebuild, every read model, by CPU time', value: (total * 1000) / cpuMs.rebuild, unit: 'events/CPU-s' },
      { name: 'resident memory of the read models per claim', value: perClaim / 1024, unit: 'KB' },
      { name: 'heap in use after the rebuild', value: heapAfter / 2 ** 20, unit: 'MiB' },
      ...[...spent].map(([name, ms]) => ({ name: `time in the ${name} read model`, value: ms / 1000, unit: 's' })),
    ],
    ratios: [
      ratio(`rebuild${views ? ` (${views.join(', ')})` : ''} / raw scan`, ours / floor, 0.5),
      ratio(`stored rebuild (${stored.names.join(', ')}) / raw scan`, storedRate / floor, 0.5),
      // Informational: the goal is on wall time (above); this one moves less with other load.
      ratio('the same by CPU time', cpuMs.scan / cpuMs.rebuild),
      ratio('resident KB per claim', perClaim / 1024, 1.5, 'at most'),
    ],
  });
  db.close();
  await store.close();
};
