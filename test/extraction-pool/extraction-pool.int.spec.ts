// The extraction pool with its real worker threads (the compiled worker in dist/: npm test builds
// first): the same claims as the extractor in this thread, a time limit that replaces the worker
// instead of leaving it stuck, the claims limit, and a bounded wait; and long inputs (web pages,
// wire copy) read in the workers into exactly the article this thread reads, refusals included.
import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticleOfSize, mulberry32 } from '../../bench/corpus.js';
import { articleFromInput, textOf, type ArticleInput } from '../../src/articles/ingesting-article/ingest-article.js';
import { DomainError } from '../../src/domain/errors.js';
import { keepFirstClaims } from '../../src/domain/extraction-port.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { ExtractionBusyError, ExtractionTimeoutError } from '../../src/extraction-pool/extraction-errors.js';
import type { ExtractionLimits } from '../../src/extraction-pool/extraction-limits.js';
import { ExtractionPool, READ_IN_THREAD_CHARS } from '../../src/extraction-pool/extraction-pool.js';
import { paddedHostilePage } from '../http/hostile-arbitraries.js';

const DIRS = ['seeds', 'test/extraction/fixtures', 'test/extraction/fresh'];
const articles = DIRS.flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => textOf(articleFromInput({ text: readFileSync(join(dir, f), 'utf8') }))),
);
const small = articles[0];
/** About 3 MB of wire copy: seconds of extraction, far past the half-second limit set below (a small article takes milliseconds). */
const huge = { body: generateArticleOfSize(mulberry32(3), 0, 3_000_000).body };

const LIMITS: ExtractionLimits = { workers: 1, timeoutMs: 60_000, queue: 16, maxClaims: 100_000 };
let pool: ExtractionPool | null = null;
const open = (limits: Partial<ExtractionLimits> = {}) => (pool = new ExtractionPool({ ...LIMITS, ...limits }));
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('the extraction pool', () => {
  it('finds exactly what the extractor finds in this thread, under the same name and version', async () => {
    const extractor = defaultExtractor();
    const inPool = open({ workers: 2, queue: articles.length });
    expect(articles.length).toBeGreaterThan(15);
    expect([inPool.name, inPool.version]).toEqual([extractor.name, extractor.version]);
    const results = await Promise.all(articles.map((a) => inPool.extract(a)));
    results.forEach((result, i) => expect(result).toEqual({ claims: extractor.extract(articles[i]), found: extractor.extract(articles[i]).length }));
  });

  it('applies the claims limit in the worker: the first claims in text order, and how many were found', async () => {
    const all = defaultExtractor().extract(small);
    expect(all.length).toBeGreaterThan(3);
    expect(await open({ maxClaims: 3 }).extract(small)).toEqual(keepFirstClaims(all, 3));
  });

  it('stops an article past the time limit, and the one worker, replaced, serves the next article', async () => {
    const inPool = open({ workers: 1, timeoutMs: 500 });
    await expect(inPool.extract(huge)).rejects.toThrow(ExtractionTimeoutError);
    // With one worker, a worker still busy with the huge article would make this one time out too.
    expect(await inPool.extract(small)).toEqual(keepFirstClaims(defaultExtractor().extract(small), LIMITS.maxClaims));
  }, 60_000);

  it('of articles that waited together (one batch), one past the limit fails alone; the others are extracted again', async () => {
    const inPool = open({ workers: 1, timeoutMs: 100 });
    const line = (n: number) => ({ body: `Ruritania pledged to reopen crossing ${n}, its foreign minister said.` });
    /** About 200 KB: well under a batch's size, and far more than a tenth of a second of extraction. */
    const slow = { body: huge.body.slice(0, 200_000) };
    const first = inPool.extract(line(0));
    // These wait while the first is extracted, then go to the worker as one batch.
    const [before, late, after] = [inPool.extract(line(1)), inPool.extract(slow), inPool.extract(line(2))];
    await expect(late).rejects.toThrow(ExtractionTimeoutError);
    for (const [n, kept] of [[0, first], [1, before], [2, after]] as const) {
      expect(await kept).toEqual(keepFirstClaims(defaultExtractor().extract(line(n)), LIMITS.maxClaims));
    }
  }, 60_000);

  it('refuses an article when every worker is busy and the queue is full, and serves again once one is free', async () => {
    const inPool = open({ workers: 1, queue: 1, timeoutMs: 500 });
    const running = inPool.extract(huge);
    const waiting = inPool.extract(small);
    await expect(inPool.extract(small)).rejects.toThrow(ExtractionBusyError);
    await expect(running).rejects.toThrow(ExtractionTimeoutError);
    expect((await waiting).found).toBeGreaterThan(0);
    expect((await inPool.extract(small)).found).toBeGreaterThan(0);
  }, 60_000);
});

/** What reading an input gives: the article, or the refusal (kind and message) a request would get. */
const outcome = async (read: () => Promise<unknown>) => {
  try {
    return { article: await read() };
  } catch (error) {
    if (error instanceof DomainError) return { refused: { kind: error.kind, message: error.message } };
    throw error;
  }
};
const inThisThread = (input: ArticleInput) => outcome(async () => articleFromInput(input));

const paragraph = (n: number) => `<p>Genovia pledged to reopen crossing ${n} with its neighbours, the ministry said on Tuesday.</p>`;
/** A page past the size read in the request's thread, so a worker reads it. */
const longPage = `<html lang="en"><head><meta property="og:site_name" content="The Daily Wire"><title>Talks</title></head><body>
  <nav>Home | World</nav><article><h1>Talks resume</h1>${Array.from({ length: 400 }, (_, n) => paragraph(n)).join('')}</article>
  <footer>Read more: other stories</footer></body></html>`;
const wirePage = readFileSync('test/inputs/pages/wire-story.html', 'utf8');

describe('reading inputs in the pool', () => {
  it('a long web page or long wire copy read in a worker is exactly the article this thread reads', async () => {
    const inPool = open({ workers: 2 });
    const longText = readFileSync('seeds/' + readdirSync('seeds').find((f) => f.endsWith('.txt'))!, 'utf8').repeat(8);
    const inputs: ArticleInput[] = [{ html: longPage, url: 'https://example.org/talks' }, { text: longText }];
    expect(Math.min(longPage.length, longText.length)).toBeGreaterThan(READ_IN_THREAD_CHARS);
    for (const input of inputs) {
      const article = await inPool.read(input);
      expect(article).toEqual(articleFromInput(input));
      expect(article.body.length).toBeGreaterThan(100);
    }
  });

  it('a short input is read in this thread: it is read while the only worker is busy and no place is left in the line', async () => {
    const inPool = open({ workers: 1, queue: 0, timeoutMs: 1_000 });
    expect(wirePage.length).toBeLessThan(READ_IN_THREAD_CHARS);
    const busy = inPool.extract(huge);
    await expect(inPool.read({ html: longPage })).rejects.toThrow(ExtractionBusyError);
    const short = { html: wirePage, url: 'https://example.org/a' };
    expect(await inPool.read(short)).toEqual(articleFromInput(short));
    await expect(busy).rejects.toThrow(ExtractionTimeoutError);
  }, 60_000);

  it('a long page with no article text, or nested too deep, is the same 4xx refusal as in this thread', async () => {
    const inPool = open();
    const noStory = `<html><body><nav>Home</nav><script>${'var x = 1;'.repeat(3_000)}</script></body></html>`;
    const deep = '<div>'.repeat(5_000) + '<p>Ruritania pledged aid.</p>';
    for (const html of [noStory, deep]) {
      expect(html.length).toBeGreaterThan(READ_IN_THREAD_CHARS);
      const refused = await outcome(() => inPool.read({ html }));
      expect(refused).toEqual(await inThisThread({ html }));
      expect(refused).toMatchObject({ refused: { kind: 'unprocessable' } });
    }
  });

  it('a read past the time limit is stopped with a message that says reading, and the replaced worker reads the next', async () => {
    // The clock starts when the worker starts the read, so a fresh worker's start-up is not counted.
    const inPool = open({ workers: 1, timeoutMs: 300 });
    // Readability over 8 MB of paragraphs took 1.2 s on an idle machine here (0.15 s per MB; ~0.4 under load):
    // several times the limit either way. The long page takes milliseconds, even in a fresh worker.
    const eightMegabytes = generateArticleOfSize(mulberry32(6), 0, 8_000_000).body;
    const paragraphs = eightMegabytes.split('\n\n').map((p) => `<p>${p}</p>`);
    await expect(inPool.read({ html: `<article>${paragraphs.join('')}</article>` })).rejects.toThrow(
      /^reading this article's page or text took longer than 0.3 s \(EXTRACTION_TIMEOUT_MS\)/,
    );
    await expect(inPool.read({ html: longPage })).resolves.toEqual(articleFromInput({ html: longPage }));
  }, 60_000);

  it('hostile pages made long enough for a worker: the same article or refusal as in this thread, never a failure or a stuck worker', async () => {
    const inPool = open({ workers: 1, timeoutMs: 30_000 });
    await fc.assert(
      fc.asyncProperty(paddedHostilePage(READ_IN_THREAD_CHARS), async (html) => {
        expect(await outcome(() => inPool.read({ html }))).toEqual(await inThisThread({ html }));
      }),
      { numRuns: 25, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    await expect(inPool.read({ html: longPage })).resolves.toEqual(articleFromInput({ html: longPage }));
  }, 300_000);
});
