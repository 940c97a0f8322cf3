// The stored articles read model answers exactly what the reference (the in-memory fold) answers,
// live and as of any position, for random histories, filters and pages.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { articlesProjection } from '../../src/read-models/articles/articles.projection.js';
import { getArticle, listArticles, type ArticleFilter } from '../../src/read-models/articles/articles.queries.js';
import { storedArticles } from '../../src/read-models/articles/articles.stored.js';
import { getArticleStored, listArticlesStored } from '../../src/read-models/articles/articles.stored-queries.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { storedClaims } from '../../src/read-models/claims/claims.stored.js';
import { compareLiveAndAsOf, forRandomHistories, storeOf, type Moment } from '../support/stored-read-models.js';
import { given, type Given } from './given.js';
import { TYPES } from './random-history.js';

const FIELDS = ['outlet', 'q', 'type', 'from', 'to'] as const;
const anyFilter = fc.record({
  outlet: fc.constantFrom('daily-ledger', 'harbour-times'),
  // Titles are `Article N` and `Article N again`: pieces shorter and longer than three characters.
  q: fc.constantFrom('1', 'E 1', 'cle', 'article 1', 'again', ' 1 a', 'x', 'article 12'),
  type: fc.constantFrom(...TYPES),
  from: fc.constantFrom(Date.parse('2031-01-04'), Date.parse('2031-01-06')),
  to: fc.constantFrom(Date.parse('2031-01-05T23:59:59.999Z'), Date.parse('2031-03-01T09:00:00Z')),
});
const filter: fc.Arbitrary<ArticleFilter> = fc
  .tuple(anyFilter, fc.subarray([...FIELDS], { maxLength: 2 }), fc.boolean())
  .map(([all, keys, includeRetracted]) => ({ ...Object.fromEntries(keys.map((k) => [k, all[k]])), ...(includeRetracted ? { includeRetracted } : {}) }));
const page = fc.record({ offset: fc.integer({ min: 0, max: 6 }), limit: fc.integer({ min: 1, max: 5 }) });

/** How many articles the listing showed and how many claim references the articles did. */
const compare = (g: Given, [f, p]: readonly [ArticleFilter, { offset: number; limit: number }], { reader, count }: Moment): [number, number] => {
  const articles = g.fold(articlesProjection, count);
  const claims = g.fold(claimsProjection, count);
  const expected = listArticles(articles, f, p);
  expect(listArticlesStored(reader, f, p)).toEqual(expected);
  let refs = 0;
  for (const articleId of [...articles.articles.keys(), 'ffffffffffffffffffff']) {
    for (const includeRetracted of [false, true]) {
      const detail = getArticle(articles, articleId, { claims, includeRetracted });
      expect(getArticleStored(reader, articleId, { includeRetracted })).toEqual(detail);
      refs += detail?.claimRefs.length ?? 0;
    }
  }
  return [expected.items.length, refs];
};

describe('stored articles read model', () => {
  it('lists and shows articles as the reference does, live and as of random positions', () => {
    const shown = [0, 0];
    const asOfShown = [0, 0];
    const add = (to: number[], [items, refs]: [number, number]) => {
      to[0] += items;
      to[1] += refs;
    };
    forRandomHistories([storedArticles, storedClaims], fc.array(fc.tuple(filter, page, fc.nat()), { minLength: 1, maxLength: 4 }), 100, (g, store, queries) => {
      const pairs = queries.map(([f, p, at]) => [[f, p], at] as const);
      compareLiveAndAsOf(store, g.events, pairs, (q, live, past) => {
        add(shown, compare(g, q, live));
        add(asOfShown, compare(g, q, past));
      });
    });
    // Typically about 110 and 60 articles listed, 5000 and 2500 claim references shown.
    expect(shown[0]).toBeGreaterThan(50);
    expect(asOfShown[0]).toBeGreaterThan(25);
    expect(shown[1]).toBeGreaterThan(1500);
    expect(asOfShown[1]).toBeGreaterThan(700);
  });

  it('counts claims by type through corrections and retractions, and lists by outlet after the article is recorded again', () => {
    const g = given();
    const a = g.article('Ruritania pledged aid. Genovia raised concerns.', { title: 'Aid', outlet: 'Daily Ledger' });
    const pledge = g.claim(a);
    const concern = g.claim(a, { type: 'ConcernRaised', evidence: 'Genovia raised concerns.' });
    g.correct(pledge, { type: 'ConcernRaised' });
    g.retract(concern);
    g.rerecord(a, { title: 'Aid, again', outlet: 'Harbour Times' });
    const reader = storeOf([storedArticles, storedClaims], g.events).reader();
    const ids = (f: ArticleFilter) => listArticlesStored(reader, f).items.map((s) => [s.title, s.claims]);
    expect(ids({ type: 'ConcernRaised' })).toEqual([['Aid, again', 1]]);
    expect(ids({ type: 'PledgeMade' })).toEqual([]);
    expect(ids({ type: 'ConcernRaised', includeRetracted: true })).toEqual([['Aid, again', 2]]);
    expect(ids({ outlet: 'daily-ledger' })).toEqual([]);
    expect(ids({ outlet: 'harbour-times', q: 'AID, A' })).toEqual([['Aid, again', 1]]);
    expect(getArticleStored(reader, a)!.claimRefs.map((r) => [r.claimId, r.type, r.claim?.type])).toEqual([[pledge, 'ConcernRaised', 'ConcernRaised']]);
  });
});

describe('stored articles: title search', () => {
  it('finds q as a substring of the title, not wherever its three-character pieces are', () => {
    const g = given();
    g.article('Officials met.', { title: 'Ledge hedger' });
    const reader = storeOf([storedArticles], g.events).reader();
    const titles = (q: string) => listArticlesStored(reader, { q }).items.map((s) => s.title);
    // Every piece of "ledger" (led, edg, dge, ger) is in the title; "ledger" is not.
    expect(titles('ledger')).toEqual([]);
    expect(titles('HEDGER')).toEqual(['Ledge hedger']);
    expect(titles('e h')).toEqual(['Ledge hedger']);
    expect(titles('z')).toEqual([]);
  });
});

describe('stored articles: syndicated copies', () => {
  it('name the original on each copy and the copies, in the order recognised, on the original, as they now stand', () => {
    const g = given();
    const original = g.article('Ruritania pledged aid.', { title: 'Aid pledged', outlet: 'Wire' });
    const late = g.article('Ruritania pledged aid.', { title: 'Aid', outlet: 'Daily Ledger' });
    const early = g.article('Ruritania pledged aid.', { title: 'Aid too', outlet: 'Harbour Times' });
    g.copy(early, original, 0.9);
    g.copy(late, original);
    g.copy(late, early);
    g.rerecord(original, { title: 'Aid pledged, update', outlet: 'Wire' });
    const reader = storeOf([storedArticles], g.events).reader();
    const detail = getArticleStored(reader, original)!;
    expect(detail.copyOf).toBeNull();
    expect(detail.copies.map((c) => [c.articleId, c.similarity, c.title])).toEqual([
      [early, 0.9, 'Aid too'],
      [late, 0.8, 'Aid'],
    ]);
    expect(getArticleStored(reader, late)!.copyOf).toEqual({
      articleId: original,
      similarity: 0.8,
      title: 'Aid pledged, update',
      outlet: 'Wire',
      publishedAt: '2031-03-01',
    });
    expect(getArticleStored(reader, late)).toEqual(getArticle(g.fold(articlesProjection), late, { claims: g.fold(claimsProjection) }));
  });
});
