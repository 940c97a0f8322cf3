import { describe, expect, it } from '@jest/globals';
import { generateArticleOfSize, generateCorpus, mulberry32 } from '../../bench/corpus.js';
import { parseArticleFile } from '../../src/domain/article-file.js';

describe('benchmark corpus', () => {
  it('gives the same articles for the same seed', () => {
    expect(generateCorpus(50, 7)).toEqual(generateCorpus(50, 7));
  });

  it('gives different articles for a different seed', () => {
    const a = generateCorpus(50, 7).map((x) => x.text);
    const b = generateCorpus(50, 8).map((x) => x.text);
    expect(a.filter((text, i) => text === b[i]).length).toBe(0);
  });

  it('gives every article a distinct body that parses as wire copy with a dateline', () => {
    const corpus = generateCorpus(200, 1);
    expect(new Set(corpus.map((a) => a.body)).size).toBe(200);
    for (const a of corpus.slice(0, 20)) {
      const parsed = parseArticleFile(a.text);
      expect(parsed.dateline).not.toBeNull();
      expect(parsed.outlet).not.toBeNull();
      expect(parsed.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(parsed.body.length).toBeGreaterThan(200);
    }
  });

  it('varies parties across articles', () => {
    const headlines = new Set(generateCorpus(200, 3).map((a) => parseArticleFile(a.text).title));
    expect(headlines.size).toBeGreaterThan(100);
  });

  it('sizes long articles to the bytes asked for, deterministically', () => {
    const a = generateArticleOfSize(mulberry32(5), 0, 64 * 1024);
    expect(Buffer.byteLength(a.body)).toBeGreaterThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(a.body)).toBeLessThan(66 * 1024);
    expect(generateArticleOfSize(mulberry32(5), 0, 64 * 1024)).toEqual(a);
  });
});
