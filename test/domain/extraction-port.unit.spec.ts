import { describe, expect, it } from '@jest/globals';
import { articleEvents, articleFromInput } from '../../src/articles/ingesting-article/ingest-article.js';
import type { ExtractedClaim } from '../../src/domain/claim-extractor.js';
import { inThread, keepFirstClaims } from '../../src/domain/extraction-port.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

const TEXT = 'Ruritania pledged roads. Genovia pledged rail. Latveria pledged ports. Sokovia pledged power. Zubrowka pledged water.';
const article = articleFromInput({ text: TEXT });
const found = pledgeExtractor.extract({ body: article.body });
/** The same claims listed last sentence first, as an extractor may order them (by rule, not by place). */
const reordered: ExtractedClaim[] = [...found].reverse();
const claimIds = (claims: ExtractedClaim[]) => articleEvents(article, 'test-pledges@1', claims).slice(1).map((e) => (e.data as { claimId: string }).claimId);

describe('the claims limit', () => {
  it('keeps everything under the limit, and says how many were found', () => {
    expect(keepFirstClaims(found, 5)).toEqual({ claims: found, found: 5 });
  });

  it('keeps the first claims in text order, listed in the extractor’s own order', () => {
    const kept = keepFirstClaims(reordered, 2);
    expect(kept.found).toBe(5);
    expect(kept.claims.map((c) => c.content)).toEqual(['Genovia pledged rail.', 'Ruritania pledged roads.']);
  });

  it('a kept claim has the id it has without the limit', () => {
    const all = claimIds(found);
    expect(claimIds(keepFirstClaims(found, 3).claims)).toEqual(all.slice(0, 3));
  });

  it('in this thread, an extractor answers through the same limit', async () => {
    const port = inThread(pledgeExtractor, 4);
    expect(port).toMatchObject({ name: 'test-pledges', version: '1', runs: 'in-thread' });
    const kept = await port.extract({ body: article.body });
    expect(kept.found).toBe(5);
    expect(kept.claims).toEqual(found.slice(0, 4));
  });
});
