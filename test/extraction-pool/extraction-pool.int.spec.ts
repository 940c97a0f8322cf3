// The extraction pool with its real worker threads (the compiled worker in dist/: npm test builds
// first): the same claims as the extractor in this thread, a time limit that replaces the worker
// instead of leaving it stuck, the claims limit, and a bounded wait.
import { afterEach, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticleOfSize, mulberry32 } from '../../bench/corpus.js';
import { articleFromInput, textOf } from '../../src/articles/ingesting-article/ingest-article.js';
import { keepFirstClaims } from '../../src/domain/extraction-port.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { ExtractionBusyError, ExtractionTimeoutError } from '../../src/extraction-pool/extraction-errors.js';
import type { ExtractionLimits } from '../../src/extraction-pool/extraction-limits.js';
import { ExtractionPool } from '../../src/extraction-pool/extraction-pool.js';

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
