// npm run bench [-- name ... --events n --articles n --duration s]: runs the named benchmarks (all
// when none is named), each in a child process of its own so one's heap and JIT state cannot
// colour the next one's figures (and so rebuild's resident-memory figure is its own).
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { appendBench } from './append.bench.js';
import { extractionBench } from './extraction.bench.js';
import { ingestBench } from './ingest.bench.js';
import { loadStore } from './loaded-store.js';
import { logPagesBench } from './log-pages.bench.js';
import { modelReadsBench } from './model-reads.bench.js';
import { queriesBench } from './queries.bench.js';
import { rebuildBench } from './rebuild.bench.js';
import { scaleBench } from './scale.bench.js';
import { stallBench } from './stall.bench.js';
import { syndicationBench } from './syndication.bench.js';

export interface BenchOptions {
  /** Events to append (append) or to load (rebuild, queries); the default depends on the benchmark. */
  events?: number;
  /** Articles to extract or ingest. */
  articles: number;
  /** Seconds per autocannon run. */
  duration: number;
  connections: number;
  /** Largest article of the linearity run, KB. */
  maxKb: number;
  seed: number;
  /** Only these read models (rebuild); all when absent. */
  views?: string[];
  /** A pre-loaded store (SQLite file) for rebuild and queries. */
  store?: string;
  /** Store sizes of the scale benchmark, events. */
  sizes?: number[];
  /** Interleaved rounds of the stall benchmark's corpus ingest (default 5). */
  rounds?: number;
  /** A caught-up service's read-model store (model-reads). */
  readModels?: string;
}

const BENCHES: Record<string, (o: BenchOptions) => Promise<void>> = {
  append: (o) => appendBench(o.events ?? 100_000),
  extraction: (o) => extractionBench(o),
  ingest: (o) => ingestBench(o),
  rebuild: (o) => rebuildBench(o),
  queries: (o) => queriesBench(o),
  'log-pages': (o) => logPagesBench(o),
  'model-reads': (o) => modelReadsBench(o),
  scale: (o) => scaleBench(o),
  syndication: (o) => syndicationBench(o),
  stall: (o) => stallBench(o),
};
const NEEDS_STORE = ['rebuild', 'queries', 'log-pages'];

const positive = (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

const program = new Command('bench')
  .description('claimtrail benchmarks; each prints its figures, the baseline, the ratio and the goal, and writes bench/results/*.json')
  .argument('[names...]', `benchmarks to run: ${Object.keys(BENCHES).join(', ')} (default: all)`)
  .option('--events <n>', 'events to append (append, default 100000) or load (rebuild, queries and log-pages, default 1000000)', positive)
  .option('--articles <n>', 'articles to extract (extraction) or ingest (ingest, stall)', positive, 1000)
  .option('--duration <s>', 'seconds per autocannon run (queries)', positive, 10)
  .option('--connections <n>', 'autocannon connections (queries)', positive, 100)
  .option('--max-kb <n>', 'largest article of the extraction linearity run, and the long articles of stall, KB', positive, 1024)
  .option('--seed <n>', 'corpus seed', positive, 42)
  .option('--views <names>', 'only these read models, comma-separated (rebuild; default every read model)', (v: string) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .option('--sizes <list>', 'store sizes of the scale benchmark, comma-separated (default 100000,300000,1000000)', (v: string) =>
    v.split(',').map((x) => positive(x.trim())),
  )
  .option('--rounds <n>', 'interleaved rounds of the corpus ingest, each way (stall, default 5)', positive)
  .option('--store <file>', 'a store loaded by an earlier run (rebuild, queries, log-pages); kept afterwards')
  .option('--read-models <file>', "a caught-up service's DATA_DIR/read-models.sqlite (model-reads; skipped without it)")
  .option('--keep-store', 'keep the store this run loads, and print where it is')
  .addOption(new Option('--child').hideHelp())
  .action(async (names: string[], options: BenchOptions & { child?: boolean; keepStore?: boolean }) => {
    const unknown = names.filter((n) => !BENCHES[n]);
    if (unknown.length) program.error(`no benchmark named ${unknown.join(', ')}; there are: ${Object.keys(BENCHES).join(', ')}`);
    const selected = names.length ? names : Object.keys(BENCHES);
    if (options.child) return BENCHES[selected[0]](options);

    // Rebuild and queries read the same million events: load them once for both.
    let store = options.store;
    const loaded = !store && selected.some((n) => NEEDS_STORE.includes(n)) ? await loadStore(options.events ?? 1_000_000, options.seed) : null;
    store ??= loaded?.file;
    try {
      for (const name of selected) await runChild(name, { ...options, store });
    } finally {
      if (loaded && options.keepStore) console.log(`kept the store: --store ${loaded.file}`);
      else if (loaded) rmSync(loaded.dir, { recursive: true, force: true });
    }
  });

const runChild = (name: string, options: BenchOptions): Promise<void> => {
  const args = [
    name,
    '--child',
    '--articles',
    String(options.articles),
    '--duration',
    String(options.duration),
    '--connections',
    String(options.connections),
    '--max-kb',
    String(options.maxKb),
    '--seed',
    String(options.seed),
  ];
  if (options.events) args.push('--events', String(options.events));
  if (options.store) args.push('--store', options.store);
  if (options.views) args.push('--views', options.views.join(','));
  if (options.sizes) args.push('--sizes', options.sizes.join(','));
  if (options.rounds) args.push('--rounds', String(options.rounds));
  if (options.readModels) args.push('--read-models', options.readModels);
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--expose-gc'], stdio: 'inherit' });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`benchmark ${name} exited with ${code}`)))));
};

await program.parseAsync();
