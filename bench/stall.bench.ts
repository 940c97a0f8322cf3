// Stall: does a long article hold up every other request? The service as `npm start` runs it
// (bench/serve.ts, a process of its own) ingests 1 MB articles over HTTP while autocannon asks for
// GET /health, once with extraction in the worker pool (the default) and once in the request's own
// thread (EXTRACTION_WORKERS=0: the path before the pool), in the same run. Then the corpus over
// HTTP both ways, in interleaved rounds: the pool's throughput against the single-threaded path's.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { loadConfig } from '../src/app/config.js';
import { MAX_ARTICLE_CHARS } from '../src/articles/ingesting-article/ingest-article.dto.js';
import { generateArticleOfSize, generateCorpus, mulberry32 } from './corpus.js';
import type { BenchOptions } from './main.js';
import { ratio, report } from './results.js';

/** Long articles ingested while /health is measured, two at a time (one more than the default pool on two cores). */
const LONG_ARTICLES = 6;
const LONG_AT_ONCE = 2;
/** Clients posting the corpus at once, as a few analysts and a feed poll would. */
const CORPUS_AT_ONCE = 8;
const HEALTH_CONNECTIONS = 4;
const ROUNDS = 5;

interface Mode {
  name: 'pool' | 'in-thread';
  workers: number;
}

interface Server {
  base: string;
  close(): Promise<void>;
}

const startServer = async (mode: Mode): Promise<Server> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-stall-'));
  const child = fork(fileURLToPath(new URL('./serve.js', import.meta.url)), [], {
    env: {
      ...process.env, DATA_DIR: dataDir, SEED_ON_START: 'false', PORT: '0', EXTRACTION_WORKERS: String(mode.workers),
      WRITE_RATE_LIMIT: '1000000', READ_RATE_LIMIT: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
  });
  return {
    base: `http://127.0.0.1:${ready.port}`,
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

interface Answer {
  claims: number;
  truncated?: { found: number };
}

const post = async (base: string, text: string): Promise<Answer> => {
  const res = await fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  if (res.status !== 201) throw new Error(`POST /articles answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as Answer;
};

/** Posts every text, `atOnce` in flight; the answers in text order and the seconds it took. */
const ingestAll = async (base: string, texts: string[], atOnce: number) => {
  const limit = pLimit(atOnce);
  const started = performance.now();
  const answers = await Promise.all(texts.map((text) => limit(() => post(base, text))));
  return { answers, seconds: (performance.now() - started) / 1000 };
};

/** GET /health under autocannon for as long as the long articles take to ingest. */
const healthWhileIngesting = async (mode: Mode, texts: string[]) => {
  const server = await startServer(mode);
  try {
    const cannon = autocannon({ url: `${server.base}/health`, connections: HEALTH_CONNECTIONS, duration: 3600 });
    const { answers, seconds } = await ingestAll(server.base, texts, LONG_AT_ONCE);
    cannon.stop();
    const health = await cannon;
    const failed = health.errors + health.non2xx + health.timeouts;
    const truncated = answers.filter((a) => a.truncated).length;
    console.log(`  ${mode.name}: ${texts.length} long articles in ${seconds.toFixed(1)} s (${truncated} cut to the claims limit); ` +
      `GET /health p50 ${health.latency.p50} ms, p99 ${health.latency.p99} ms, max ${health.latency.max} ms, ${health.requests.total} answered, ${failed} failed`);
    return { mode, p99: health.latency.p99, max: health.latency.max, answered: health.requests.total, failed, articlesPerSecond: texts.length / seconds };
  } finally {
    await server.close();
  }
};

/** The corpus over HTTP into a fresh service: articles per second, and the claims written (the same both ways). */
const corpusThroughput = async (mode: Mode, texts: string[]) => {
  const server = await startServer(mode);
  try {
    const { answers, seconds } = await ingestAll(server.base, texts, CORPUS_AT_ONCE);
    const claims = answers.reduce((n, a) => n + a.claims, 0);
    console.log(`  ${mode.name}: ${texts.length} articles in ${seconds.toFixed(1)} s, ${(texts.length / seconds).toFixed(1)} articles/s, ${claims} claims`);
    return { rate: texts.length / seconds, claims };
  } finally {
    await server.close();
  }
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export const stallBench = async ({ articles: count, maxKb, seed }: Pick<BenchOptions, 'articles' | 'maxKb' | 'seed'>) => {
  // The service's own default pool, even when EXTRACTION_WORKERS=0 is set for this shell.
  const workers = loadConfig().extraction.workers || loadConfig({}).extraction.workers;
  const pool: Mode = { name: 'pool', workers };
  const inThread: Mode = { name: 'in-thread', workers: 0 };
  // As long as POST /articles takes (a margin for the header and headline), or --max-kb.
  const bytes = Math.min(maxKb * 1024, MAX_ARTICLE_CHARS - 10_000);
  const random = mulberry32(seed);
  const long = Array.from({ length: LONG_ARTICLES }, (_, i) => generateArticleOfSize(random, i, bytes).text);
  const corpus = generateCorpus(count, seed).map((a) => a.text);

  console.log(`stall: ${LONG_ARTICLES} articles of ${Math.round(bytes / 1024)} KB, ${LONG_AT_ONCE} at a time, GET /health on ${HEALTH_CONNECTIONS} connections`);
  const stalls = [await healthWhileIngesting(inThread, long), await healthWhileIngesting(pool, long)];
  const [threadStall, poolStall] = stalls;

  console.log(`throughput: ${count} corpus articles, ${CORPUS_AT_ONCE} clients, ${ROUNDS} interleaved rounds`);
  const rounds: { thread: number; pool: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const thread = await corpusThroughput(inThread, corpus);
    const inPool = await corpusThroughput(pool, corpus);
    if (thread.claims !== inPool.claims) throw new Error(`the pool wrote ${inPool.claims} claims, the single-threaded path ${thread.claims}`);
    rounds.push({ thread: thread.rate, pool: inPool.rate });
  }
  const roundRatios = rounds.map((r) => r.pool / r.thread);

  report({
    bench: 'stall',
    params: { workers, longArticles: LONG_ARTICLES, longKb: Math.round(bytes / 1024), longAtOnce: LONG_AT_ONCE, healthConnections: HEALTH_CONNECTIONS, corpus: count, corpusAtOnce: CORPUS_AT_ONCE, rounds: ROUNDS, seed },
    figures: [
      ...stalls.flatMap((s) => [
        { name: `GET /health p99 while ingesting, ${s.mode.name}`, value: s.p99, unit: 'ms' },
        { name: `GET /health slowest while ingesting, ${s.mode.name}`, value: s.max, unit: 'ms' },
        { name: `GET /health answered while ingesting, ${s.mode.name}`, value: s.answered, unit: 'requests' },
        { name: `GET /health failed while ingesting, ${s.mode.name}`, value: s.failed, unit: 'requests' },
        { name: `long articles ingested, ${s.mode.name}`, value: s.articlesPerSecond, unit: 'articles/s' },
      ]),
      { name: 'corpus ingest, in-thread (median)', value: median(rounds.map((r) => r.thread)), unit: 'articles/s' },
      { name: 'corpus ingest, pool (median)', value: median(rounds.map((r) => r.pool)), unit: 'articles/s' },
    ],
    ratios: [
      // Not a ratio: the p99 itself, against its ceiling in ms.
      ratio('GET /health p99 while ingesting, pool (ms)', poolStall.failed ? Infinity : poolStall.p99, 100, 'at most'),
      ratio('GET /health p99, in-thread / pool', threadStall.p99 / Math.max(poolStall.p99, 1)),
      ratio('corpus ingest, pool / in-thread', median(roundRatios), 1.0),
      ratio('long-article ingest, pool / in-thread', poolStall.articlesPerSecond / threadStall.articlesPerSecond),
    ],
    notes: [
      `corpus ingest pool / in-thread per round: ${roundRatios.map((r) => r.toFixed(3)).join(', ')}`,
      'autocannon reports whole milliseconds; the slowest answer is reported beside the p99, since a stall of a few answers hides under a p99 of thousands',
    ],
  });
};
