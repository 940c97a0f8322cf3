// Kept answers are reused only while every view they read is the same state at the same checkpoint.
import { describe, expect, it } from '@jest/globals';
import { BodyCache } from '../../src/views/body-cache.js';

const counting = (texts: Array<string | null>) => {
  let calls = 0;
  return { compute: () => texts[calls++ % texts.length], calls: () => calls };
};

describe('BodyCache', () => {
  const claims = { view: 'claims' };
  const parties = { view: 'parties' };

  it('reuses the bytes of an answer while the views stay at their checkpoints', () => {
    const cache = new BodyCache();
    const c = counting(['{"a":1}']);
    const first = cache.get('k', { states: [claims, parties], checkpoints: [5n, 5n] }, c.compute);
    const again = cache.get('k', { states: [claims, parties], checkpoints: [5n, 5n] }, c.compute);
    expect(first?.toString()).toBe('{"a":1}');
    expect(again).toBe(first);
    expect(c.calls()).toBe(1);
  });

  it('answers afresh once any view read has moved, or was swapped for a rebuilt state', () => {
    const cache = new BodyCache();
    const c = counting(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(cache.get('k', { states: [claims, parties], checkpoints: [5n, 5n] }, c.compute)?.toString()).toBe('{"n":1}');
    expect(cache.get('k', { states: [claims, parties], checkpoints: [5n, 6n] }, c.compute)?.toString()).toBe('{"n":2}');
    // Same checkpoint, another state object: POST /projections/rebuild swapped one in.
    expect(cache.get('k', { states: [{ view: 'claims' }, parties], checkpoints: [5n, 6n] }, c.compute)?.toString()).toBe('{"n":3}');
    expect(c.calls()).toBe(3);
  });

  it('keeps "not found" too, and answers per key', () => {
    const cache = new BodyCache();
    const c = counting([null, '{}']);
    const v = { states: [claims], checkpoints: [1n] };
    expect(cache.get('missing', v, c.compute)).toBeNull();
    expect(cache.get('missing', v, c.compute)).toBeNull();
    expect(cache.get('other', v, c.compute)?.toString()).toBe('{}');
    expect(c.calls()).toBe(2);
  });

  it('drops the least recently used answers beyond its entries or bytes', () => {
    const v = { states: [claims], checkpoints: [1n] };
    const byEntries = new BodyCache(2, 1e9);
    for (const k of ['a', 'b']) byEntries.get(k, v, () => `"${k}"`);
    byEntries.get('a', v, () => 'not used');
    byEntries.get('c', v, () => '"c"');
    expect(byEntries.size).toBe(2);
    expect(byEntries.get('a', v, () => 'recomputed')?.toString()).toBe('"a"');
    expect(byEntries.get('b', v, () => '"b2"')?.toString()).toBe('"b2"');

    const byBytes = new BodyCache(100, 40);
    for (const k of ['x', 'y', 'z']) byBytes.get(k, v, () => `"${k.repeat(8)}"`);
    expect(byBytes.size).toBe(3);
    byBytes.get('w', v, () => `"${'w'.repeat(8)}"`);
    expect(byBytes.size).toBe(4);
    byBytes.get('v', v, () => `"${'v'.repeat(8)}"`);
    expect(byBytes.size).toBe(4);
    expect(byBytes.get('x', v, () => '"gone"')?.toString()).toBe('"gone"');
  });
});
