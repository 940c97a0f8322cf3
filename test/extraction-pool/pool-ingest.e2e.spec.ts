// POST /articles with extraction in the worker pool: the service answers other requests while a
// huge article is extracted (and, as a control, does not when extraction runs in its own thread),
// the claims limit is reported, a timed-out article writes nothing and leaves no stuck worker,
// and no web page, however hostile, gets a 500 or stalls the pool.
import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { generateArticleOfSize, mulberry32 } from '../../bench/corpus.js';
import { readsArticles, type ArticleReading } from '../../src/articles/ingesting-article/article-reading.js';
import { articleFromInput, type ArticleInput } from '../../src/articles/ingesting-article/ingest-article.js';
import { inThread, type ExtractionPort } from '../../src/domain/extraction-port.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import type { ExtractionLimits } from '../../src/extraction-pool/extraction-limits.js';
import { ExtractionPool, READ_IN_THREAD_CHARS } from '../../src/extraction-pool/extraction-pool.js';
import { hostilePage, paddedHostilePage } from '../http/hostile-arbitraries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMITS: ExtractionLimits = { workers: 1, timeoutMs: 60_000, queue: 16, maxClaims: 500 };
/** Under the 1 000 000 characters POST /articles takes: seconds of extraction, thousands of claims. */
const HUGE = generateArticleOfSize(mulberry32(5), 0, 900_000).text;
const SMALL = 'Ruritania pledged to reopen the border crossing, its foreign minister said on Tuesday.';

/** `work`, with when it starts and ends written to `log` in the order it happens. */
const logged = async <T>(log: string[], what: string, work: () => Promise<T>): Promise<T> => {
  log.push(`${what} started`);
  try {
    return await work();
  } finally {
    log.push(`${what} done`);
  }
};

/** The port (and its reading, when it reads), with what it does and when written to `log` in the order it happens. */
const observed = (port: ExtractionPort, log: string[]): ExtractionPort & Partial<ArticleReading> => ({
  name: port.name,
  version: port.version,
  runs: port.runs,
  close: () => port.close(),
  extract: (article) => logged(log, 'extraction', () => port.extract(article)),
  ...(readsArticles(port) ? { read: (input: ArticleInput) => logged(log, 'reading', () => port.read(input)) } : {}),
});

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let t: TestApp | null = null;
const start = async (extractor: ExtractionPort, config = {}) => (t = await startTestApp({ extractor, config: { writeRateLimit: 1_000_000, ...config } }));
afterEach(async () => {
  await t?.close();
  t = null;
});

/** Ingests `body` (HUGE by default) and asks GET /health once `stage` has begun: the order things happened in. */
const healthDuringHugeIngest = async (app: TestApp, log: string[], body: object = { text: HUGE }, stage = 'extraction started') => {
  const ingest = request(app.server).post('/articles').send(body).then((res) => {
    log.push('ingest answered');
    return res;
  });
  await until(() => log.includes(stage));
  const health = await request(app.server).get('/health');
  log.push('health answered');
  return { health, ingest: await ingest };
};

describe('ingesting through the extraction pool', () => {
  it('GET /health answers while a huge article is extracted; the answer says the claims were cut to the limit', async () => {
    const log: string[] = [];
    const app = await start(observed(new ExtractionPool(LIMITS), log));
    const { health, ingest } = await healthDuringHugeIngest(app, log);
    expect(health.status).toBe(200);
    // The text is long enough to be read in a worker too, before its extraction.
    expect(log).toEqual(['reading started', 'reading done', 'extraction started', 'health answered', 'extraction done', 'ingest answered']);
    expect(ingest.status).toBe(201);
    expect(ingest.body).toMatchObject({ claims: 500, revision: '500', truncated: { kept: 500, message: expect.stringContaining('MAX_CLAIMS_PER_ARTICLE') } });
    expect(ingest.body.truncated.found).toBeGreaterThan(500);
  }, 120_000);

  it('control: with extraction in the request’s own thread, GET /health waits until the extraction is over', async () => {
    const log: string[] = [];
    const app = await start(observed(inThread(defaultExtractor(), LIMITS.maxClaims), log));
    const { health, ingest } = await healthDuringHugeIngest(app, log);
    expect([health.status, ingest.status]).toEqual([200, 201]);
    expect(log.indexOf('health answered')).toBeGreaterThan(log.indexOf('extraction done'));
  }, 120_000);

  it('a megabyte web page is read in a worker: GET /health answers meanwhile, and the article is the one read in this thread', async () => {
    const log: string[] = [];
    // The story as paragraphs, each in the nested markup pages wrap text in: reading it takes the better part of a second.
    const paragraphs = HUGE.split('\n\n').map((p) => `<div class="para"><span><p>${p}</p></span></div>`);
    const html = `<html><head><title>Long</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
    const app = await start(observed(new ExtractionPool(LIMITS), log), { bodyLimit: 4 * 1024 * 1024 });
    const { health, ingest } = await healthDuringHugeIngest(app, log, { html }, 'reading started');
    expect([health.status, ingest.status]).toEqual([200, 201]);
    expect(log.slice(0, 3)).toEqual(['reading started', 'health answered', 'reading done']);
    const events = await request(app.server).get(`/articles/${ingest.body.articleId}/events`);
    expect(events.body.events[0].data).toEqual(articleFromInput({ html }));
  }, 120_000);

  it('an article past the time limit is a 422 that says so, writes nothing, and the pool serves the next one', async () => {
    const app = await start(new ExtractionPool({ ...LIMITS, timeoutMs: 300 }));
    const before = await app.store.headPosition();
    const refused = await request(app.server).post('/articles').send({ text: HUGE });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/took longer than 0\.3 s \(EXTRACTION_TIMEOUT_MS\).*nothing was written/);
    expect(await app.store.headPosition()).toBe(before);
    const next = await request(app.server).post('/articles').send({ text: SMALL });
    expect(next.status).toBe(201);
    expect(next.body.claims).toBeGreaterThan(0);
  }, 120_000);

  // Short pages are read in the request's thread, long ones in a worker.
  it('hostile web pages through the pool, short and long: never a 500, nothing written on a refusal, never a stuck worker', async () => {
    // A second's limit: the megabyte pages may exceed it, and a 422 then replaces their worker.
    const app = await start(new ExtractionPool({ ...LIMITS, timeoutMs: 1_000 }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostilePage, paddedHostilePage(READ_IN_THREAD_CHARS)), async (html) => {
        const before = await app.store.headPosition();
        const res = await request(app.server).post('/articles').send({ html });
        expect([200, 201, 400, 413, 422]).toContain(res.status);
        if (res.status >= 400) {
          expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
          expect(await app.store.headPosition()).toBe(before);
        }
      }),
      { numRuns: 30, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    const after = await request(app.server).post('/articles').send({ text: SMALL.replace('Tuesday', 'Wednesday') });
    expect(after.status).toBe(201);
    expect(after.body.claims).toBeGreaterThan(0);
  }, 300_000);
});
