// The stored sources read model answers exactly what the reference (the in-memory folds of the
// sources and claims read models) answers, live and as of any position, for random histories,
// filters and pages.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { storedClaims } from '../../src/read-models/claims/claims.stored.js';
import { sourcesProjection } from '../../src/read-models/sources/sources.projection.js';
import { getSource, listSources, type SourceListFilter } from '../../src/read-models/sources/sources.queries.js';
import { storedSources } from '../../src/read-models/sources/sources.stored.js';
import { getSourceStored, listSourcesStored, type StoredSourceClaimFilter } from '../../src/read-models/sources/sources.stored-queries.js';
import { compareLiveAndAsOf, forRandomHistories, storeOf, type Moment } from '../support/stored-read-models.js';
import { given, type Given } from './given.js';
import { TYPES } from './random-history.js';

const PARTY_KEYS = ['ruritania', 'genovia', '~elders'];
const SOURCE_KEYS = ['ruritania', 'genovia', '~a-witness', '~outlet', '@daily-ledger', '@unknown', '@atlantis'];

const someOf = <T extends object>(record: fc.Arbitrary<T>, fields: readonly (keyof T)[]) =>
  fc.tuple(record, fc.subarray([...fields], { maxLength: Math.min(3, fields.length) }), fc.boolean()).map(([all, chosen, includeRetracted]) => ({
    ...Object.fromEntries(chosen.map((k) => [k, all[k]])),
    ...(includeRetracted ? { includeRetracted } : {}),
  }));

const FROM = fc.constantFrom(Date.parse('2031-01-04'), Date.parse('2031-01-06'));
const TO = fc.constantFrom(Date.parse('2031-01-05T23:59:59.999Z'), Date.parse('2031-03-01T09:00:00Z'));
const listFilter = someOf(
  fc.record({
    q: fc.constantFrom('ru', 'ledger', 'witness', 'a', 'outlet', 'xyz'),
    kind: fc.constantFrom('source' as const, 'outlet' as const),
    from: FROM,
    to: TO,
  }),
  ['q', 'kind', 'from', 'to'],
) as fc.Arbitrary<SourceListFilter>;
const sourceFilter = someOf(
  fc.record({
    type: fc.constantFrom(...TYPES),
    actor: fc.constantFrom(...PARTY_KEYS),
    target: fc.constantFrom(...PARTY_KEYS),
    from: FROM,
    to: TO,
  }),
  ['type', 'actor', 'target', 'from', 'to'],
) as fc.Arbitrary<StoredSourceClaimFilter>;
const page = fc.record({ offset: fc.integer({ min: 0, max: 6 }), limit: fc.integer({ min: 1, max: 6 }) });
const query = fc.tuple(listFilter, sourceFilter, fc.constantFrom(...SOURCE_KEYS), page);

type Query = typeof query extends fc.Arbitrary<infer Q> ? Q : never;

const compare = (g: Given, [lf, sf, key, p]: Query, { reader, count }: Moment): number => {
  const sources = g.fold(sourcesProjection, count);
  const claims = g.fold(claimsProjection, count);
  const list = listSources(sources, claims, lf, p);
  expect(listSourcesStored(reader, lf, p)).toEqual(list);
  const detail = getSource(sources, claims, key, sf, p);
  const stored = getSourceStored(reader, key, sf, p);
  expect(stored).toEqual(detail);
  expect(JSON.stringify(stored)).toBe(JSON.stringify(detail));
  return list.items.length + (detail?.items.items.length ?? 0) + (detail?.carriers.length ?? 0);
};

describe('stored sources read model', () => {
  it('lists sources and outlets and shows one as the reference does, live and as of random positions', () => {
    let shown = 0;
    let asOfShown = 0;
    forRandomHistories([storedClaims, storedSources], fc.array(fc.tuple(query, fc.nat()), { minLength: 1, maxLength: 4 }), 180, (g, store, queries) => {
      compareLiveAndAsOf(store, g.events, queries, (q, live, past) => {
        shown += compare(g, q, live);
        asOfShown += compare(g, q, past);
      });
    });
    // Withdrawals take some claims away: still hundreds of items compared.
    expect(shown).toBeGreaterThan(450);
    expect(asOfShown).toBeGreaterThan(220);
  });

  it('lists a claim under the outlet its article had when it was recorded, and carries it under the outlet the article has now', () => {
    const g = given();
    const early = g.claim('00000000000000000001', { evidence: '' });
    g.article('Ruritania pledged aid.', { outlet: 'Harbour Times' });
    const store = storeOf([storedClaims, storedSources], g.events);
    const detail = getSourceStored(store.reader(), 'ruritania')!;
    expect(detail.carriers).toEqual([{ key: '@harbour-times', label: 'Harbour Times', claims: 1 }]);
    expect(getSourceStored(store.reader(), '@unknown')!.items.items.map((c) => c.claimId)).toEqual([early]);
    expect(detail).toEqual(getSource(g.fold(sourcesProjection), g.fold(claimsProjection), 'ruritania'));
  });

  it('labels a carrier of an outlet as its newest claim names the source, also once that claim is retracted', () => {
    const g = given();
    const a = g.article('Ruritania pledged aid.', { publishedAt: '2031-01-01' });
    const b = g.article('Ruritania pledged more aid.', { publishedAt: '2031-01-02' });
    g.claim(a, { source: { party: null, mention: 'a witness' } });
    const newest = g.claim(b, { source: { party: null, mention: 'A Witness' } });
    const store = storeOf([storedClaims, storedSources], g.events);
    expect(getSourceStored(store.reader(), '@daily-ledger')!.carriers).toEqual([{ key: '~a-witness', label: 'A Witness', claims: 2 }]);
    g.retract(newest);
    const retracted = storeOf([storedClaims, storedSources], g.events);
    expect(getSourceStored(retracted.reader(), '@daily-ledger')!.carriers).toEqual([{ key: '~a-witness', label: 'a witness', claims: 1 }]);
    expect(getSourceStored(retracted.reader(), '@daily-ledger')).toEqual(getSource(g.fold(sourcesProjection), g.fold(claimsProjection), '@daily-ledger'));
  });

  it("labels an outlet emptied and refilled by a source correction anew, as the reference: from the outlet's name while an article has it, else its slug", () => {
    const g = given();
    const first = g.article('Ruritania pledged aid.', { outlet: 'Daily Ledger' });
    const claim = g.claim(first, { source: 'genovia' });
    // The claim stays under the outlet it was recorded under; no article has that outlet once the second goes.
    g.rerecord(first, { outlet: null });
    g.withdraw(g.article('Ruritania pledged more aid.', { outlet: 'Daily Ledger' }));
    g.correct(claim, { type: 'ConcernRaised' });
    const uncorrected = storeOf([storedClaims, storedSources], g.events);
    expect(getSourceStored(uncorrected.reader(), '@daily-ledger')).toMatchObject({ label: 'Daily Ledger', claims: 1 });
    g.correct(claim, { source: { party: 'ruritania', mention: 'Ruritania', via: null, cue: 'said' } });
    const store = storeOf([storedClaims, storedSources], g.events);
    const reference = getSource(g.fold(sourcesProjection), g.fold(claimsProjection), '@daily-ledger');
    expect(reference).toMatchObject({ label: 'daily-ledger', claims: 1 });
    expect(getSourceStored(store.reader(), '@daily-ledger')).toEqual(reference);
    expect(listSourcesStored(store.reader())).toEqual(listSources(g.fold(sourcesProjection), g.fold(claimsProjection)));
  });

  it("drops a withdrawn article's claims, and its outlet with the last article of that outlet", () => {
    const g = given();
    const a = g.article('Ruritania pledged aid.', { outlet: 'Harbour Times' });
    g.claim(a, { source: 'genovia' });
    const b = g.article('Ruritania pledged more aid.', { outlet: 'Daily Ledger' });
    const kept = g.claim(b, { source: 'genovia' });
    g.withdraw(a);
    const store = storeOf([storedClaims, storedSources], g.events);
    expect(getSourceStored(store.reader(), '@harbour-times')).toBeNull();
    expect(getSourceStored(store.reader(), 'genovia')!.items.items.map((c) => c.claimId)).toEqual([kept]);
    expect(listSourcesStored(store.reader())).toEqual(listSources(g.fold(sourcesProjection), g.fold(claimsProjection)));
    g.reingest(a);
    const back = storeOf([storedClaims, storedSources], g.events);
    expect(getSourceStored(back.reader(), '@harbour-times')).toMatchObject({ label: 'Harbour Times', claims: 1 });
    expect(getSourceStored(back.reader(), '@harbour-times')).toEqual(getSource(g.fold(sourcesProjection), g.fold(claimsProjection), '@harbour-times'));
  });
});
