// Stall: does a long article hold up every other request? The service as `npm start` runs it
// (bench/serve.ts, a process of its own) ingests 1 MB articles over HTTP while autocannon asks for
// GET /health, once with extraction in the worker pool (the default) and once in the request's own
// thread (EXTRACTION_WORKERS=0: the path before the pool), in the same run; then the same articles
// as web pages (read by Readability, in a worker too with the pool). Then the corpus over HTTP both
// ways, in interleaved rounds: the pool's throughput against the single-threaded path's, and the
// CPU its event loop spent per article.
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
import { mainThreadCpuSeconds } from './thread-cpu.js';

/** Long articles ingested while /health is measured, two at a time (one more than the default pool on two cores). */
const LONG_ARTICLES = 6;
const LONG_AT_ONCE = 2;
/** Clients posting the corpus at once, as a few analysts and a feed poll would. */
const CORPUS_AT_ONCE = 8;
const HEALTH_CONNECTIONS = 4;
const ROUNDS = 5;

/** What POST /articles is sent: an article as text, or as a web page. */
type Body = { text: string } | { html: string };

interface Mode {
  name: 'pool' | 'in-thread';
  workers: number;
}

interface Server {
  base: string;
  /** CPU seconds of the server's main thread so far; null where that cannot be read. */
  mainThreadCpu(): number | null;
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
    mainThreadCpu: () => mainThreadCpuSeconds(child.pid!),
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

const post = async (base: string, body: Body): Promise<Answer> => {
  const res = await fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /articles answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as Answer;
};

/** Posts every body, `atOnce` in flight; the answers in order, the seconds it took and the main thread's CPU seconds. */
const ingestAll = async (server: Server, bodies: Body[], atOnce: number) => {
  const limit = pLimit(atOnce);
  const [started, cpuBefore] = [performance.now(), server.mainThreadCpu()];
  const answers = await Promise.all(bodies.map((body) => limit(() => post(server.base, body))));
  const cpuAfter = server.mainThreadCpu();
  return { answers, seconds: (performance.now() - started) / 1000, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
};

/** The article as a plain web page: a headline, its paragraphs, and the navigation every page has. */
const asPage = (text: string): Body => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = text.split('\n\n').map((p) => `<p>${escape(p)}</p>`);
  return { html: `<html><head><title>Long</title></head><body><nav><a href="/">Home</a></nav><article>${paragraphs.join('')}</article></body></html>` };
};

/** GET /health under autocannon for as long as the long articles take to ingest. */
const healthWhileIngesting = async (mode: Mode, bodies: Body[], as: 'text' | 'pages') => {
  const server = await startServer(mode);
  try {
    const cannon = autocannon({ url: `${server.base}/health`, connections: HEALTH_CONNECTIONS, duration: 3600 });
    const { answers, seconds } = await ingestAll(server, bodies, LONG_AT_ONCE);
    cannon.stop();
    const health = await cannon;
    const failed = health.errors + health.non2xx + health.timeouts;
    const truncated = answers.filter((a) => a.truncated).length;
    const name = `${mode.name}, ${as}`;
    console.log(`  ${name}: ${bodies.length} long articles in ${seconds.toFixed(1)} s (${truncated} cut to the claims limit); ` +
      `GET /health p50 ${health.latency.p50} ms, p99 ${health.latency.p99} ms, max ${health.latency.max} ms, ${health.requests.total} answered, ${failed} failed`);
    return { name, p99: health.latency.p99, max: health.latency.max, answered: health.requests.total, failed, articlesPerSecond: bodies.length / seconds };
  } finally {
    await server.close();
  }
};

/** The corpus over HTTP into a fresh service: articles per second, main-thread CPU ms per article, and the claims written (the same both ways). */
const corpusThroughput = async (mode: Mode, bodies: Body[]) => {
  const server = await startServer(mode);
  try {
    const { answers, seconds, cpu } = await ingestAll(server, bodies, CORPUS_AT_ONCE);
    const claims = answers.reduce((n, a) => n + a.claims, 0);
    const cpuMs = cpu === null ? null : (cpu * 1000) / bodies.length;
    console.log(`  ${mode.name}: ${bodies.length} articles in ${seconds.toFixed(1)} s, ${(bodies.length / seconds).toFixed(1)} articles/s, ` +
      `${claims} claims${cpuMs === null ? '' : `, main thread ${cpuMs.toFixed(1)} ms CPU per article`}`);
    return { rate: bodies.length / seconds, claims, cpuMs };
  } finally {
    await server.close();
  }
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

type StallOptions = Pick<BenchOptions, 'articles' | 'maxKb' | 'seed' | 'rounds'>;

export const stallBench = async ({ articles: count, maxKb, seed, rounds: roundCount = ROUNDS }: StallOptions) => {
  // The service's own default pool, even when EXTRACTION_WORKERS=0 is set for this shell.
  const workers = loadConfig().extraction.workers || loadConfig({}).extraction.workers;
  const pool: Mode = { name: 'pool', workers };
  const inThread: Mode = { name: 'in-thread', workers: 0 };
  // As long as POST /articles takes (a margin for the header and headline), or --max-kb.
  const bytes = Math.min(maxKb * 1024, MAX_ARTICLE_CHARS - 10_000);
  const random = mulberry32(seed);
  const long = Array.from({ length: LONG_ARTICLES }, (_, i) => generateArticleOfSize(random, i, bytes).text);
  const corpus = generateCorpus(count, seed).map((a) => ({ text: a.text }));

  console.log(`stall: ${LONG_ARTICLES} articles of ${Math.round(bytes / 1024)} KB, ${LONG_AT_ONCE} at a time, GET /health on ${HEALTH_CONNECTIONS} connections`);
  const texts = long.map((text) => ({ text }));
  const pages = long.map(asPage);
  const stalls = [
    await healthWhileIngesting(inThread, texts, 'text'),
    await healthWhileIngesting(pool, texts, 'text'),
    await healthWhileIngesting(inThread, pages, 'pages'),
    await healthWhileIngesting(pool, pages, 'pages'),
  ];
  const [threadStall, poolStall, threadPageStall, poolPageStall] = stalls;

  console.log(`throughput: ${count} corpus articles, ${CORPUS_AT_ONCE} clients, ${roundCount} interleaved rounds`);
  const rounds: { thread: number; pool: number; threadCpuMs: number | null; poolCpuMs: number | null }[] = [];
  for (let r = 0; r < roundCount; r++) {
    const thread = await corpusThroughput(inThread, corpus);
    const inPool = await corpusThroughput(pool, corpus);
    if (thread.claims !== inPool.claims) throw new Error(`the pool wrote ${inPool.claims} claims, the single-threaded path ${thread.claims}`);
    rounds.push({ thread: thread.rate, pool: inPool.rate, threadCpuMs: thread.cpuMs, poolCpuMs: inPool.cpuMs });
  }
  const roundRatios = rounds.map((r) => r.pool / r.thread);
  const cpuRatios = rounds.flatMap((r) => (r.threadCpuMs && r.poolCpuMs ? [r.threadCpuMs / r.poolCpuMs] : []));

  report({
    bench: 'stall',
    params: {
      workers, longArticles: LONG_ARTICLES, longKb: Math.round(bytes / 1024), longAtOnce: LONG_AT_ONCE,
      healthConnections: HEALTH_CONNECTIONS, corpus: count, corpusAtOnce: CORPUS_AT_ONCE, rounds: roundCount, seed,
    },
    figures: [
      ...stalls.flatMap((s) => [
        { name: `GET /health p99 while ingesting, ${s.name}`, value: s.p99, unit: 'ms' },
        { name: `GET /health slowest while ingesting, ${s.name}`, value: s.max, unit: 'ms' },
        { name: `GET /health answered while ingesting, ${s.name}`, value: s.answered, unit: 'requests' },
        { name: `GET /health failed while ingesting, ${s.name}`, value: s.failed, unit: 'requests' },
        { name: `long articles ingested, ${s.name}`, value: s.articlesPerSecond, unit: 'articles/s' },
      ]),
      { name: 'corpus ingest, in-thread (median)', value: median(rounds.map((r) => r.thread)), unit: 'articles/s' },
      { name: 'corpus ingest, pool (median)', value: median(rounds.map((r) => r.pool)), unit: 'articles/s' },
      ...(cpuRatios.length
        ? [
            { name: 'corpus ingest, main-thread CPU per article, in-thread (median)', value: median(rounds.map((r) => r.threadCpuMs!)), unit: 'ms' },
            { name: 'corpus ingest, main-thread CPU per article, pool (median)', value: median(rounds.map((r) => r.poolCpuMs!)), unit: 'ms' },
          ]
        : []),
    ],
    ratios: [
      // Not a ratio: the p99 itself, against its ceiling in ms.
      ratio('GET /health p99 while ingesting, pool (ms)', poolStall.failed ? Infinity : poolStall.p99, 100, 'at most'),
      ratio('GET /health p99, in-thread / pool', threadStall.p99 / Math.max(poolStall.p99, 1)),
      ratio('GET /health p99 while ingesting web pages, pool (ms)', poolPageStall.failed ? Infinity : poolPageStall.p99, 100, 'at most'),
      ratio('GET /health p99 while ingesting web pages, in-thread / pool', threadPageStall.p99 / Math.max(poolPageStall.p99, 1)),
      ratio('corpus ingest, pool / in-thread', median(roundRatios), 1.0),
      ...(cpuRatios.length ? [ratio('corpus ingest, main-thread CPU per article, in-thread / pool', median(cpuRatios))] : []),
      ratio('long-article ingest, pool / in-thread', poolStall.articlesPerSecond / threadStall.articlesPerSecond),
    ],
    notes: [
      `corpus ingest pool / in-thread per round: ${roundRatios.map((r) => r.toFixed(3)).join(', ')}`,
      `main-thread CPU per corpus article, in-thread / pool, per round: ${cpuRatios.map((r) => r.toFixed(3)).join(', ') || 'not measured (no /proc)'}`,
      'autocannon reports whole milliseconds; the slowest answer is reported beside the p99, since a stall of a few answers hides under a p99 of thousands',
    ],
  });
};
