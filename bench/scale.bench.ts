// Scale: the service on Node's default heap over stores of growing size. At each size: how long
// the read models take to catch up from nothing, then a restart over that store (ready in ≤ 5 s,
// no long event-loop block), resident memory (≤ 400 MB, and not growing with the events); at the
// largest, the mixed read load against GET /health on the same server.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStore } from './loaded-store.js';
import type { BenchOptions } from './main.js';
import { mixedLoad } from './mixed-load.js';
import { ratio, report, type Figure, type Ratio } from './results.js';
import { askServer, startServer, stopServer } from './scale-server.js';

const RESTARTS = 3;
const MiB = 2 ** 20;

interface SizeRun {
  events: number;
  catchUpMs: number;
  restartMs: number[];
  maxLoopDelayMs: number;
  /** The largest of the restarts, once every read model has caught up: the same measure at every size. */
  rssMiB: number;
}

const runSize = async (events: number, seed: number): Promise<{ run: SizeRun; dataDir: string }> => {
  const loaded = await loadStore(events, seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-scale-'));
  copyFileSync(loaded.file, join(dataDir, 'claimtrail.sqlite'));
  rmSync(loaded.dir, { recursive: true, force: true });
  const first = await startServer(dataDir);
  console.log(
    `  ${events} events: read models caught up from nothing in ${(first.readyMs / 1000).toFixed(1)} s, RSS ${(first.ready.rss / MiB).toFixed(0)} MiB`,
  );
  await stopServer(first);
  const restartMs: number[] = [];
  let maxLoopDelayMs = 0;
  let rssMiB = 0;
  for (let i = 0; i < RESTARTS; i++) {
    const server = await startServer(dataDir);
    restartMs.push(server.readyMs);
    maxLoopDelayMs = Math.max(maxLoopDelayMs, server.ready.maxLoopDelayMs);
    rssMiB = Math.max(rssMiB, server.ready.rss / MiB);
    await stopServer(server);
  }
  console.log(`  restarts ready in ${restartMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; longest event-loop block ${maxLoopDelayMs.toFixed(0)} ms`);
  return { run: { events, catchUpMs: first.readyMs, restartMs, maxLoopDelayMs, rssMiB }, dataDir };
};

export const scaleBench = async ({
  sizes = [100_000, 300_000, 1_000_000],
  seed,
  duration,
  connections,
}: Pick<BenchOptions, 'sizes' | 'seed' | 'duration' | 'connections'>) => {
  const runs: SizeRun[] = [];
  let largest = '';
  for (const events of sizes) {
    const { run, dataDir } = await runSize(events, seed);
    runs.push(run);
    if (largest) rmSync(largest, { recursive: true, force: true });
    largest = dataDir;
  }
  const server = await startServer(largest);
  const load = await mixedLoad(server.base, duration, connections);
  // Only the largest store is loaded: kept apart from the restarts' figure, which every size has,
  // so the growth ratio divides the same measure at two sizes, not a loaded server by an idle one.
  const loadedRssMiB = (await askServer(server)).rss / MiB;
  await stopServer(server);
  rmSync(largest, { recursive: true, force: true });

  const healthRuns = load.runs.filter((r) => r.route === '/health');
  const floor = { rps: Math.max(...healthRuns.map((r) => r.rps)), p99: Math.min(...healthRuns.map((r) => r.p99)) };
  const routes = load.runs.filter((r) => r.route !== '/health');
  const figures: Figure[] = [
    ...runs.flatMap((r) => [
      { name: `${r.events} events: catch-up from nothing`, value: r.catchUpMs / 1000, unit: 's' },
      { name: `${r.events} events: restart, slowest of ${RESTARTS}`, value: Math.max(...r.restartMs) / 1000, unit: 's' },
      { name: `${r.events} events: longest event-loop block at start`, value: r.maxLoopDelayMs, unit: 'ms' },
      { name: `${r.events} events: resident memory after restart`, value: r.rssMiB, unit: 'MiB' },
    ]),
    { name: `${runs[runs.length - 1].events} events: resident memory after the mixed load`, value: loadedRssMiB, unit: 'MiB' },
    { name: 'GET /health under the write load', value: floor.rps, unit: 'req/s' },
    ...routes.flatMap((r) => [
      { name: `GET ${r.route} mixed`, value: r.rps, unit: 'req/s' },
      { name: `GET ${r.route} mixed p99`, value: r.p99, unit: 'ms' },
    ]),
    { name: 'articles written during the load', value: load.written, unit: 'articles' },
  ];
  const last = runs[runs.length - 1];
  const ratios: Ratio[] = [
    ratio(`restart at ${last.events} events / 5 s`, Math.max(...last.restartMs) / 5000, 1, 'at most'),
    ratio(`resident memory at ${last.events} events / 400 MB`, (Math.max(last.rssMiB, loadedRssMiB) * MiB) / 400e6, 1, 'at most'),
    ratio(`resident memory after restart ${last.events} / ${runs[0].events} events`, last.rssMiB / runs[0].rssMiB),
    ...routes.flatMap((r) => [
      ratio(`${r.route} req/s / health`, r.failed ? 0 : r.rps / floor.rps, 0.5),
      ratio(`${r.route} p99 / health p99`, r.p99 / Math.max(floor.p99, 1), 4, 'at most'),
    ]),
  ];
  report({
    bench: 'scale',
    params: { sizes, seed, connections, durationSeconds: duration, heap: "Node's default", writeEveryMs: 200, writeFailures: load.writeFailures },
    figures,
    ratios,
    notes: [
      'p99 ratios divide by max(health p99, 1 ms): autocannon reports whole milliseconds',
      'the /health floor is the better of the runs before and after the routes, under the same write load',
    ],
  });
};
