// The answer cache in front of the read routes: what it keeps must not grow with the log (each batch
// a new version) nor with the number of distinct queries (bounded by bytes).
import { describe, expect, it } from '@jest/globals';
import { AnswerCache } from '../../src/read-routes/answer-cache.js';

const KiB = 1024;

describe('AnswerCache', () => {
  it('answers a query again from what it kept while the version stays, without computing it twice', () => {
    const cache = new AnswerCache();
    let computed = 0;
    const compute = () => `{"n":${++computed}}`;
    const first = cache.get('/claims?limit=10', 'v1', compute);
    const again = cache.get('/claims?limit=10', 'v1', compute);
    expect(again?.toString()).toBe('{"n":1}');
    expect(again).toBe(first);
    expect(computed).toBe(1);
  });

  it('keeps a missing answer (a 404) as null too', () => {
    const cache = new AnswerCache();
    let computed = 0;
    const missing = () => (computed++, null);
    expect(cache.get('/parties/nobody', 'v1', missing)).toBeNull();
    expect(cache.get('/parties/nobody', 'v1', missing)).toBeNull();
    expect(computed).toBe(1);
  });

  it('lets go of every answer of an older version once a newer one is asked for: one version kept, however many batches', () => {
    const cache = new AnswerCache();
    for (let version = 0; version < 1000; version++) {
      for (const route of ['/claims', '/conflicts', '/parties/israel']) cache.get(route, `0:${version}`, () => `{"version":${version}}`);
    }
    expect(cache.size).toBe(3);
    expect(cache.get('/claims', '0:999', () => 'recomputed')?.toString()).toBe('{"version":999}');
  });

  it('computes afresh at a new version', () => {
    const cache = new AnswerCache();
    cache.get('/claims', 'v1', () => '"old"');
    expect(cache.get('/claims', 'v2', () => '"new"')?.toString()).toBe('"new"');
  });

  it('keeps at most its size in bytes, however many distinct queries come in one version', () => {
    const maxBytes = 256 * KiB;
    const cache = new AnswerCache(maxBytes);
    const body = JSON.stringify('x'.repeat(4 * KiB));
    for (let page = 0; page < 1000; page++) cache.get(`/claims?offset=${page}`, 'v1', () => body);
    expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    // Most recent first: the last query is still there, the first long gone.
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(1000);
    let recomputed = 0;
    cache.get('/claims?offset=999', 'v1', () => (recomputed++, body));
    cache.get('/claims?offset=0', 'v1', () => (recomputed++, body));
    expect(recomputed).toBe(1);
  });

  it('sends an answer bigger than a quarter of the cache without keeping it', () => {
    const cache = new AnswerCache(64 * KiB);
    const big = JSON.stringify('y'.repeat(20 * KiB));
    let computed = 0;
    cache.get('/claims?limit=500', 'v1', () => (computed++, big));
    expect(cache.get('/claims?limit=500', 'v1', () => (computed++, big))?.toString()).toBe(big);
    expect(computed).toBe(2);
    expect(cache.bytes).toBe(0);
  });
});
