// The stored claims read model answers exactly what the reference (the in-memory fold) answers,
// live and as of any position, for random histories, filters and pages.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { claimsProjection, type ClaimsState } from '../../src/read-models/claims/claims.projection.js';
import { getClaim, listClaims, listClaimsJson, type ClaimFilter } from '../../src/read-models/claims/claims.queries.js';
import { storedArticles } from '../../src/read-models/articles/articles.stored.js';
import { getArticleStored, listArticlesStored } from '../../src/read-models/articles/articles.stored-queries.js';
import { storedClaims } from '../../src/read-models/claims/claims.stored.js';
import { claimResponsesOf, getClaimStored, listClaimsStored, listClaimsStoredJson } from '../../src/read-models/claims/claims.stored-queries.js';
import type { ReadModelReader } from '../../src/read-model-store/read-model-store.js';
import { compareLiveAndAsOf, forRandomHistories, storeOf, type Moment } from '../support/stored-read-models.js';
import { given, type Given } from './given.js';
import { TOPICS, TYPES } from './random-history.js';

const PARTY_KEYS = ['ruritania', 'genovia', '~elders', '~a-witness', '~outlet'];
const FIELDS = ['type', 'actor', 'target', 'party', 'source', 'topic', 'polarity', 'outlet', 'article', 'key', 'from', 'to'] as const;
const anyFilter = fc.record({
  type: fc.constantFrom(...TYPES),
  actor: fc.constantFrom(...PARTY_KEYS),
  target: fc.constantFrom(...PARTY_KEYS),
  party: fc.constantFrom(...PARTY_KEYS),
  source: fc.constantFrom(...PARTY_KEYS),
  topic: fc.constantFrom(...TOPICS),
  polarity: fc.constantFrom('asserted' as const, 'denied' as const),
  outlet: fc.constantFrom('daily-ledger', 'harbour-times'),
  article: fc.integer({ min: 1, max: 4 }).map((n) => n.toString(16).padStart(20, '0')),
  // Replaced by the key of one of the history's claims.
  key: fc.nat(),
  from: fc.constantFrom(Date.parse('2031-01-04'), Date.parse('2031-01-06')),
  to: fc.constantFrom(Date.parse('2031-01-05T23:59:59.999Z'), Date.parse('2031-03-01T09:00:00Z')),
});
const filterDraw = fc.tuple(anyFilter, fc.subarray([...FIELDS], { maxLength: 3 }), fc.boolean());
const page = fc.record({ offset: fc.integer({ min: 0, max: 12 }), limit: fc.integer({ min: 1, max: 8 }) });

type Draw = typeof filterDraw extends fc.Arbitrary<infer D> ? D : never;

/** A drawn filter, its key taken from the claims the reference holds. */
const filterOf = ([all, fields, includeRetracted]: Draw, state: ClaimsState): ClaimFilter => {
  const keys = [...state.claims.values()].map((r) => getClaim(state, r.claim.claimId)!.key);
  const f: Record<string, unknown> = Object.fromEntries(fields.map((k) => [k, all[k]]));
  if ('key' in f) f.key = keys.length ? keys[all.key % keys.length] : 'PledgeMade:-:-';
  return { ...(f as ClaimFilter), ...(includeRetracted ? { includeRetracted } : {}) };
};

/** Compares one drawn listing with the reference's over the moment's events; returns how many claims it showed. */
const compare = (g: Given, [draw, p]: readonly [Draw, { offset: number; limit: number }], { reader, count }: Moment): number => {
  const reference = g.fold(claimsProjection, count);
  const f = filterOf(draw, reference);
  const expected = listClaims(reference, f, p);
  expect(listClaimsStored(reader, f, p)).toEqual(expected);
  expect(listClaimsStoredJson(reader, f, p)).toBe(listClaimsJson(reference, f, p));
  return expected.items.length;
};

describe('stored claims read model', () => {
  it('lists, finds and joins claims as the reference does, live and as of random positions', () => {
    let shown = 0;
    let asOfShown = 0;
    forRandomHistories([storedClaims], fc.array(fc.tuple(filterDraw, page, fc.nat()), { minLength: 1, maxLength: 5 }), 180, (g, store, queries) => {
      const live = g.fold(claimsProjection);
      const pairs = queries.map(([draw, p, at]) => [[draw, p], at] as const);
      compareLiveAndAsOf(store, g.events, pairs, (q, live, past) => {
        shown += compare(g, q, live);
        asOfShown += compare(g, q, past);
      });
      const ids = [...live.claims.keys(), 'nope'];
      const views = claimResponsesOf(store.reader(), ids);
      for (const id of ids) {
        expect(getClaimStored(store.reader(), id)).toEqual(getClaim(live, id));
        expect(views.get(id) ?? null).toEqual(getClaim(live, id));
      }
    });
    // Typically 280-350 and 130-170 claims shown: most drawn filters still match some.
    expect(shown).toBeGreaterThan(150);
    expect(asOfShown).toBeGreaterThan(60);
  });

  it('moves a claim recorded before its article once the article is recorded, and with a corrected evidence start', () => {
    const g = given();
    const early = g.claim('00000000000000000001', { evidence: '' });
    const a = g.article('Ruritania pledged aid. Genovia raised concerns.', { publishedAt: '2031-01-01', outlet: 'Harbour Times' });
    const b = g.article('Ruritania pledged aid.', { publishedAt: '2031-01-02' });
    const later = g.claim(b);
    expect(a).toBe('00000000000000000001');
    const store = storeOf([storedClaims], g.events);
    // Before the article: recorded time (2031-03-01) sorts first; after: its publication date.
    expect(listClaimsStored(store.reader(0n)).items.map((c) => c.claimId)).toEqual([early]);
    expect(listClaimsStored(store.reader()).items.map((c) => [c.claimId, c.article.outlet])).toEqual([
      [later, 'Daily Ledger'],
      [early, 'Harbour Times'],
    ]);
    expect(listClaimsStored(store.reader(), { outlet: 'harbour-times' }).total).toBe(1);
    g.correct(early, { evidence: { text: 'Genovia raised concerns.', start: 23, end: 47 } });
    const corrected = storeOf([storedClaims], g.events);
    expect(getClaimStored(corrected.reader(), early)).toMatchObject({ corrections: 1, evidence: { start: 23 } });
    expect(listClaimsStored(corrected.reader(), { article: a }).items.map((c) => c.claimId)).toEqual([early]);
  });
});

describe('stored claims and articles: a withdrawn article', () => {
  it('takes its claims out of every listing and count, stays in the answers as of before, and comes back with a forced re-ingest', () => {
    const g = given();
    const a = g.article('Ruritania pledged aid. Genovia raised concerns.', { outlet: 'Harbour Times' });
    const pledge = g.claim(a);
    const concern = g.claim(a, { type: 'ConcernRaised', actors: ['genovia'], evidence: 'Genovia raised concerns.' });
    g.retract(concern);
    const b = g.article('Ruritania pledged aid.');
    const other = g.claim(b);
    const before = BigInt(g.events.length - 1);
    g.withdraw(a);
    const store = storeOf([storedClaims, storedArticles], g.events);
    const ids = (reader: ReadModelReader, f: ClaimFilter = {}) => listClaimsStored(reader, f).items.map((c) => c.claimId);
    expect(ids(store.reader())).toEqual([other]);
    expect(listClaimsStored(store.reader(), { includeRetracted: true }).total).toBe(1);
    expect(listClaimsStored(store.reader(), { actor: 'ruritania' }).total).toBe(1);
    expect(getClaimStored(store.reader(), pledge)).toBeNull();
    expect(listArticlesStored(store.reader()).items.map((s) => s.articleId)).toEqual([b]);
    expect(listArticlesStored(store.reader(), { outlet: 'harbour-times' }).total).toBe(0);
    expect(getArticleStored(store.reader(), a)).toBeNull();
    // As of before the withdrawal, all is as it was.
    expect(ids(store.reader(before), { includeRetracted: true }).sort()).toEqual([pledge, concern, other].sort());
    expect(getArticleStored(store.reader(before), a, { includeRetracted: true })!.claimRefs.map((r) => r.claimId)).toEqual([pledge, concern]);
    g.reingest(a);
    const again = storeOf([storedClaims, storedArticles], g.events);
    expect(ids(again.reader()).sort()).toEqual([pledge, other].sort());
    expect(listArticlesStored(again.reader(), { outlet: 'harbour-times' }).items.map((s) => [s.articleId, s.claims])).toEqual([[a, 1]]);
  });
});
