import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseArticleFile } from '../../src/domain/article-file.js';
import { extract } from './helpers.js';

// Extraction must be linear in the length of the body: no backtracking regex, no look-up that
// grows with what came before. Checked by counts, not by time (timing is in `npm run bench`):
// once the discourse has seen a block of paragraphs, every further copy of the block yields the
// same claims, so the count at N copies is an exact linear function of N, up to a 1 MB body.
const dir = 'test/extraction/fixtures';
const block = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parseArticleFile(readFileSync(join(dir, f), 'utf8')).body.trim())
  .join('\n');
const body = (copies: number): string => Array.from({ length: copies }, () => block).join('\n');

describe('extraction on long bodies', () => {
  it('yields claims linear in the number of repeated paragraphs, up to 1 MB, with exact offsets', () => {
    const two = extract(body(2)).length;
    const perCopy = extract(body(3)).length - two;
    expect(perCopy).toBeGreaterThan(10);
    const copies = Math.ceil((1024 * 1024) / Buffer.byteLength(block));
    const text = body(copies);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1024 * 1024);
    const claims = extract(text);
    expect(claims.length).toBe(two + (copies - 2) * perCopy);
    const last = claims[claims.length - 1];
    expect(text.slice(last.evidence.start, last.evidence.end)).toBe(last.evidence.text);
  }, 120_000);
});
