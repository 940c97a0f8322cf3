// The mixed read load of the scale benchmark: every request asks for another party, filter or
// page (so no answer cache can carry it), while an article is written every 200 ms.
import autocannon from 'autocannon';
import { CLAIM_TYPES } from '../src/domain/claim.js';
import { generateCorpus, mulberry32 } from './corpus.js';

export interface RouteRun {
  route: string;
  rps: number;
  p99: number;
  failed: number;
}

interface Keys {
  parties: string[];
  sources: string[];
  head: number;
}

const getJson = async <T>(url: string): Promise<T> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
};

const keysOf = async (base: string): Promise<Keys> => {
  // Known parties only: an unresolved one's key (~mention) is not a filter every route takes.
  const parties = (await getJson<{ items: Array<{ key: string }> }>(`${base}/parties?limit=300`)).items.map((p) => p.key).filter((key) => !key.startsWith('~'));
  const sources = (await getJson<{ items: Array<{ key: string }> }>(`${base}/sources?limit=200`)).items.map((s) => s.key);
  // The head position as a number: asOf positions spread over the whole log.
  const head = Number((await getJson<{ head: string }>(`${base}/projections`)).head);
  return { parties, sources, head };
};

/** Each route makes a new path per request from a seeded generator. */
const routes = (keys: Keys, random: () => number): Record<string, () => string> => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const page = (max: number) => `offset=${Math.floor(random() * max)}&limit=${pick([10, 20, 50])}`;
  return {
    '/health': () => '/health',
    '/parties/:party': () => `/parties/${pick(keys.parties)}?${page(40)}${random() < 0.5 ? `&role=${pick(['actor', 'target', 'source'])}` : ''}`,
    '/claims': () => `/claims?actor=${pick(keys.parties)}&type=${pick(CLAIM_TYPES)}&${page(100)}`,
    '/claims?asOf': () => `/claims?actor=${pick(keys.parties)}&asOf=${Math.floor(random() * keys.head)}&${page(20)}`,
    '/conflicts': () => `/conflicts?party=${pick(keys.parties)}&${page(40)}`,
    '/attributions': () => `/attributions?party=${pick(keys.parties)}&type=${pick(CLAIM_TYPES)}&${page(40)}`,
    '/sources/:source': () => `/sources/${pick(keys.sources)}?${page(40)}`,
  };
};

/** Posts a fresh article every `everyMs` until stopped; counts what failed. */
const writeArticles = (base: string, everyMs: number) => {
  const corpus = generateCorpus(2000, 7);
  let next = 0;
  let failed = 0;
  let written = 0;
  const timer = setInterval(() => {
    const text = `${corpus[next % corpus.length].text}\nMixed-load article ${next++} written at ${Date.now()}.`;
    fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
      .then((res) => (res.ok ? written++ : failed++))
      .catch(() => failed++);
  }, everyMs);
  return { stop: () => clearInterval(timer), written: () => written, failed: () => failed };
};

/** The first of a few fresh paths that does not answer 2xx, with its status and message. */
const sampleFailure = async (base: string, next: () => string): Promise<string> => {
  for (let i = 0; i < 50; i++) {
    const path = next();
    const res = await fetch(base + path);
    if (!res.ok) return `GET ${path}: ${res.status} ${(await res.text()).slice(0, 200)}`;
  }
  return 'none of 50 fresh paths failed';
};

export const mixedLoad = async (base: string, duration: number, connections: number): Promise<{ runs: RouteRun[]; written: number; writeFailures: number }> => {
  const keys = await keysOf(base);
  const random = mulberry32(99);
  const paths = routes(keys, random);
  const writer = writeArticles(base, 200);
  const runs: RouteRun[] = [];
  try {
    const order = ['/health', ...Object.keys(paths).filter((r) => r !== '/health'), '/health'];
    for (const route of order) {
      const next = paths[route];
      const result = await autocannon({
        url: base,
        connections,
        duration,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }],
      });
      const failed = result.errors + result.non2xx;
      if (failed) console.log(`  (a failed ${route} request, for example: ${await sampleFailure(base, next)})`);
      console.log(`  GET ${route}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${failed} failed`);
      runs.push({ route, rps: result.requests.average, p99: result.latency.p99, failed });
    }
  } finally {
    writer.stop();
  }
  return { runs, written: writer.written(), writeFailures: writer.failed() };
};
