// Soak: the built service (node dist/main.js) as a child process, mixed reads and writes at a steady
// rate on loopback for a bounded time. Passes with zero errors and resident memory (of the service,
// sampled from /proc) growing at most 10% over the second half. `npm run test:soak -- --minutes 5`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { article } from './articles.js';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '2' },
    rate: { type: 'string', default: '40' },
    'write-share': { type: 'string', default: '0.15' },
  },
});
const minutes = Number(args.minutes);
const rate = Number(args.rate);
const writeShare = Number(args['write-share']);
if (!(minutes > 0) || !(rate > 0) || !(writeShare >= 0 && writeShare <= 1)) throw new Error('--minutes and --rate must be positive, --write-share from 0 to 1');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-soak-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['dist/main.js'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'true', WRITE_RATE_LIMIT: '1000000' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErrors = '';
server.stderr.on('data', (d) => (serverErrors += d));
const stop = () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', stop);

for (let i = 0; ; i++) {
  if (
    await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 600) throw new Error(`the service did not answer: ${serverErrors}`);
  await sleep(50);
}

// ---- the load ----
interface Outcome {
  kind: string;
  status: number;
  ms: number;
}
const outcomes: Outcome[] = [];
const errors: string[] = [];
const articles: string[] = [];
const busy = new Set<string>();
let written = 0;

const call = async (kind: string, path: string, init?: RequestInit, ok: number[] = [200]) => {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${path}`, init);
    const body = await res.text();
    const ms = performance.now() - started;
    outcomes.push({ kind, status: res.status, ms });
    if (!ok.includes(res.status)) errors.push(`${kind} ${path.slice(0, 80)}: ${res.status} ${body.slice(0, 200)}`);
    return { status: res.status, etag: res.headers.get('etag'), body: body ? JSON.parse(body) : null };
  } catch (error) {
    errors.push(`${kind} ${path.slice(0, 80)}: ${(error as Error).message}`);
    return null;
  }
};
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];

const READS: Array<() => Promise<unknown>> = [
  () => call('GET /claims', `/claims?limit=50&offset=${Math.floor(Math.random() * 20) * 10}`),
  () => call('GET /claims?actor', `/claims?actor=${pick(['pakistan', 'india', 'china', 'russia'])}&type=PledgeMade`),
  () => call('GET /parties', '/parties'),
  () => call('GET /parties/:party', `/parties/${pick(['pakistan', 'india', 'china', 'russia', 'ukraine'])}`, undefined, [200, 404]),
  () => call('GET /sources', '/sources'),
  () => call('GET /attributions', '/attributions?limit=20'),
  () => call('GET /conflicts', '/conflicts?limit=20'),
  () => call('GET /articles', '/articles?limit=20'),
  () => (articles.length ? call('GET /articles/:id', `/articles/${pick(articles)}`) : call('GET /health', '/health')),
  () => call('GET /projections', '/projections'),
];

/** An analyst's edit: reads the stream's ETag, then corrects or retracts one of its live claims with it. */
const analystWrite = async () => {
  const free = articles.filter((a) => !busy.has(a));
  if (!free.length) return ingest();
  const id = pick(free);
  busy.add(id);
  try {
    const events = await call('GET /articles/:id/events', `/articles/${id}/events`);
    const detail = await call('GET /articles/:id', `/articles/${id}`);
    const claims = (detail?.body?.claimRefs ?? []) as Array<{ claimId: string }>;
    if (!events?.etag || !claims.length) return;
    const claim = pick(claims).claimId;
    const headers = { 'if-match': events.etag, 'x-analyst': 'soak' };
    const res =
      Math.random() < 0.7
        ? await call('POST correction', `/claims/${claim}/correction`, json({ changes: { hedged: Math.random() < 0.5 }, reason: 'soak check' }, headers), [201])
        : await call('POST retraction', `/claims/${claim}/retraction`, json({ reason: 'soak check' }, headers), [201]);
    if (res?.status === 201) written++;
  } finally {
    busy.delete(id);
  }
};
let next = 0;
const ingest = async () => {
  const res = await call('POST /articles', '/articles', json({ text: article(next++), outlet: 'Soak Wire', publishedAt: '2025-05-21' }), [201]);
  if (res?.status === 201) {
    articles.push(res.body.articleId);
    written++;
  }
};

const durationMs = minutes * 60_000;
const intervalMs = 1000 / rate;
const started = Date.now();
const samples: Array<{ t: number; rss: number }> = [];
const sampler = setInterval(() => samples.push({ t: Date.now() - started, rss: rssOf(server.pid!) }), 1000);
const inFlight = new Set<Promise<unknown>>();
let late = 0;
for (let i = 0; Date.now() - started < durationMs; i++) {
  const due = started + i * intervalMs;
  if (due > Date.now()) await sleep(due - Date.now());
  // Steady rate, bounded concurrency: a slow server shows up as "late" requests, not as a pile-up.
  if (inFlight.size >= 50) {
    late++;
    await Promise.race(inFlight);
  }
  const op = Math.random() < writeShare ? (Math.random() < 0.5 ? ingest : analystWrite) : pick(READS);
  const p: Promise<unknown> = op().finally(() => inFlight.delete(p));
  inFlight.add(p);
}
await Promise.all(inFlight);
clearInterval(sampler);

// ---- the verdict ----
const secondHalf = samples.filter((s) => s.t >= durationMs / 2);
const window = Math.max(3, Math.floor(secondHalf.length / 10));
const rssStart = median(secondHalf.slice(0, window).map((s) => s.rss));
const rssEnd = median(secondHalf.slice(-window).map((s) => s.rss));
const growth = (rssEnd - rssStart) / rssStart;
const latencies = outcomes.map((o) => o.ms);
const byKind = Object.fromEntries(
  [...new Set(outcomes.map((o) => o.kind))].sort().map((k) => {
    const ms = outcomes.filter((o) => o.kind === k).map((o) => o.ms);
    return [k, { requests: ms.length, p50: Math.round(percentile(ms, 0.5)), p99: Math.round(percentile(ms, 0.99)) }];
  }),
);
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const result = {
  when: new Date().toISOString(),
  minutes,
  rate,
  writeShare,
  requests: outcomes.length,
  achievedRate: Math.round((outcomes.length / ((Date.now() - started) / 1000)) * 10) / 10,
  late,
  writes: written,
  errors: errors.length,
  p50ms: Math.round(percentile(latencies, 0.5)),
  p99ms: Math.round(percentile(latencies, 0.99)),
  rssMB: { first: mb(samples[0]?.rss ?? 0), secondHalfStart: mb(rssStart), end: mb(rssEnd), max: mb(Math.max(...samples.map((s) => s.rss))) },
  secondHalfGrowthPercent: Math.round(growth * 1000) / 10,
  byKind,
};
mkdirSync('test-artifacts', { recursive: true });
const file = join('test-artifacts', `soak-${result.when.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ ...result, firstErrors: errors.slice(0, 20), rssSamples: samples }, null, 2));

console.log(
  `soak: ${result.requests} requests in ${minutes} min (${result.achievedRate}/s, ${written} writes), ` +
    `${result.errors} errors, p50 ${result.p50ms} ms, p99 ${result.p99ms} ms`,
);
console.log(
  `soak: service RSS ${result.rssMB.first} MB at start, ${result.rssMB.secondHalfStart} MB at the second half's start, ` +
    `${result.rssMB.end} MB at the end (${result.secondHalfGrowthPercent}% over the second half; limit 10%)`,
);
for (const [k, v] of Object.entries(byKind)) console.log(`  ${k.padEnd(26)} ${String(v.requests).padStart(6)}  p50 ${v.p50} ms  p99 ${v.p99} ms`);
for (const e of errors.slice(0, 10)) console.log(`  error: ${e}`);
console.log(`soak: details in ${file}`);
const pass = errors.length === 0 && growth <= 0.1;
console.log(pass ? 'soak: PASS' : 'soak: FAIL');
process.exitCode = pass ? 0 : 1;
