// The stored parties read model answers exactly what the reference (the in-memory folds of the
// parties and claims read models) answers, live and as of any position, for random histories,
// filters and pages.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { storedClaims } from '../../src/read-models/claims/claims.stored.js';
import { partiesProjection } from '../../src/read-models/parties/parties.projection.js';
import { getParty, getPartyJson, listParties, type PartyListFilter } from '../../src/read-models/parties/parties.queries.js';
import { storedParties } from '../../src/read-models/parties/parties.stored.js';
import { getPartyStored, getPartyStoredJson, listPartiesStored, type StoredPartyClaimFilter } from '../../src/read-models/parties/parties.stored-queries.js';
import type { Given } from './given.js';
import { given } from './given.js';
import { TOPICS, TYPES } from './random-history.js';
import { compareLiveAndAsOf, forRandomHistories, storeOf, type Moment } from '../support/stored-read-models.js';

const PARTY_KEYS = ['ruritania', 'genovia', '~elders', '~a-witness', '~outlet', 'atlantis'];
const ROLES = ['actor', 'target', 'source'] as const;

const someOf = <T extends object>(record: fc.Arbitrary<T>) =>
  fc
    .tuple(record, fc.subarray(['role', 'type', 'topic', 'source', 'from', 'to', 'q'] as const, { maxLength: 3 }), fc.boolean())
    .map(([all, fields, includeRetracted]) => ({
      ...Object.fromEntries(fields.filter((k) => k in all).map((k) => [k, (all as Record<string, unknown>)[k]])),
      ...(includeRetracted ? { includeRetracted } : {}),
    }));

const FROM = fc.constantFrom(Date.parse('2031-01-04'), Date.parse('2031-01-06'));
const TO = fc.constantFrom(Date.parse('2031-01-05T23:59:59.999Z'), Date.parse('2031-03-01T09:00:00Z'));
const listFilter = someOf(
  fc.record({
    q: fc.constantFrom('ru', 'geno', 'elders', 'witness', 'a', 'x', 'tan'),
    role: fc.constantFrom(...ROLES),
    type: fc.constantFrom(...TYPES),
    from: FROM,
    to: TO,
  }),
) as fc.Arbitrary<PartyListFilter>;
const partyFilter = someOf(
  fc.record({
    role: fc.constantFrom(...ROLES),
    type: fc.constantFrom(...TYPES),
    topic: fc.constantFrom(...TOPICS),
    source: fc.constantFrom(...PARTY_KEYS),
    from: FROM,
    to: TO,
  }),
) as fc.Arbitrary<StoredPartyClaimFilter>;
const page = fc.record({ offset: fc.integer({ min: 0, max: 6 }), limit: fc.integer({ min: 1, max: 6 }) });
const query = fc.tuple(listFilter, partyFilter, fc.constantFrom(...PARTY_KEYS), page);

type Query = typeof query extends fc.Arbitrary<infer Q> ? Q : never;

/** Compares one list and one party page; returns how many items they showed (so the test knows its answers are not all empty). */
const compare = (g: Given, [lf, pf, party, p]: Query, { reader, count }: Moment): number => {
  const parties = g.fold(partiesProjection, count);
  const claims = g.fold(claimsProjection, count);
  const list = listParties(parties, claims, lf, p);
  expect(listPartiesStored(reader, lf, p)).toEqual(list);
  const detail = getParty(parties, claims, party, pf, p);
  expect(getPartyStored(reader, party, pf, p)).toEqual(detail);
  expect(getPartyStoredJson(reader, party, pf, p)).toBe(getPartyJson(parties, claims, party, pf, p));
  return list.items.length + (detail?.claims.items.length ?? 0) + (detail?.asActor.length ?? 0);
};

describe('stored parties read model', () => {
  it('lists parties and shows a party as the reference does, live and as of random positions', () => {
    let shown = 0;
    let asOfShown = 0;
    forRandomHistories([storedClaims, storedParties], fc.array(fc.tuple(query, fc.nat()), { minLength: 1, maxLength: 4 }), 150, (g, store, queries) => {
      compareLiveAndAsOf(store, g.events, queries, (q, live, past) => {
        shown += compare(g, q, live);
        asOfShown += compare(g, q, past);
      });
    });
    // Withdrawals take some claims away (about 700 and 450 items compared in a run): floors well under that.
    expect(shown).toBeGreaterThan(450);
    expect(asOfShown).toBeGreaterThan(250);
  });

  it('keeps the lowest claim ids of a busy source when a sampled claim is retracted', () => {
    const g = given();
    const a = g.article('Ruritania pledged aid.');
    const ids = Array.from({ length: 13 }, () => g.claim(a));
    g.retract(ids[2]);
    const store = storeOf([storedClaims, storedParties], g.events);
    const sources = getPartyStored(store.reader(), 'ruritania')!.asActor[0].sources;
    expect(sources).toEqual([expect.objectContaining({ source: 'ruritania', count: 12, claimIds: ids.filter((id) => id !== ids[2]).slice(0, 10) })]);
    expect(getPartyStored(store.reader(), 'ruritania')).toEqual(getParty(g.fold(partiesProjection), g.fold(claimsProjection), 'ruritania'));
  });

  it('labels an unresolved party by the mention that named it, and keeps that label while the party has claims', () => {
    const g = given();
    const a = g.article('Elders met. The council spoke.');
    const first = g.claim(a, { actors: ['?tribal elders'] });
    g.claim(a, { actors: ['?Tribal Elders'] });
    g.correct(first, { actors: [{ party: null, mention: 'TRIBAL ELDERS' }] });
    const store = storeOf([storedClaims, storedParties], g.events);
    expect(getPartyStored(store.reader(), '~tribal-elders')).toMatchObject({ party: null, label: 'tribal elders' });
    expect(listPartiesStored(store.reader(), { q: 'ribal' }).items.map((p) => p.label)).toEqual(['tribal elders']);
    expect(getPartyStored(store.reader(), '~tribal-elders')).toEqual(getParty(g.fold(partiesProjection), g.fold(claimsProjection), '~tribal-elders'));
  });

  it("moves a claim recorded before its article to the article's date and outlet once the article is recorded", () => {
    const g = given();
    const early = g.claim('00000000000000000001', { source: { party: null, mention: 'a witness' }, evidence: '' });
    g.article('Ruritania pledged aid.', { publishedAt: '2031-01-01', outlet: 'Harbour Times' });
    const store = storeOf([storedClaims, storedParties], g.events);
    const [source] = getPartyStored(store.reader(), 'ruritania')!.asActor[0].sources;
    expect(source).toMatchObject({ source: '~a-witness@harbour-times', outlets: ['Harbour Times'], claimIds: [early] });
    expect(getPartyStored(store.reader(0n), 'ruritania')!.asActor[0].sources[0]).toMatchObject({ source: '~a-witness@unknown', outlets: [] });
    expect(listPartiesStored(store.reader(), { to: Date.parse('2031-01-01T23:59:59.999Z') }).total).toBe(2);
    expect(listPartiesStored(store.reader(0n), { to: Date.parse('2031-01-01T23:59:59.999Z') }).total).toBe(0);
    expect(getPartyStored(store.reader(), 'ruritania')).toEqual(getParty(g.fold(partiesProjection), g.fold(claimsProjection), 'ruritania'));
  });

  it('counts only the claims published within a publication-time range in the list', () => {
    const g = given();
    const may = g.article('Ruritania pledged aid.', { publishedAt: '2031-05-02' });
    const june = g.article('Ruritania pledged aid.', { publishedAt: '2031-06-02' });
    g.claim(may, { actors: ['ruritania'], targets: ['genovia'], source: 'ruritania' });
    g.claim(june, { actors: ['genovia'], source: 'ruritania' });
    g.claim(june, { actors: ['genovia'], source: 'ruritania' });
    const store = storeOf([storedClaims, storedParties], g.events);
    const inMay = { from: Date.parse('2031-05-01'), to: Date.parse('2031-05-31T23:59:59.999Z') };
    expect(listPartiesStored(store.reader(), inMay).items.map((p) => [p.key, p.total])).toEqual([
      ['ruritania', 2],
      ['genovia', 1],
    ]);
    expect(listPartiesStored(store.reader()).items.map((p) => [p.key, p.total])).toEqual([
      ['ruritania', 4],
      ['genovia', 3],
    ]);
    expect(listPartiesStored(store.reader(), { ...inMay, role: 'actor' }).items.map((p) => p.key)).toEqual(['ruritania']);
    expect(listPartiesStored(store.reader(), inMay)).toEqual(listParties(g.fold(partiesProjection), g.fold(claimsProjection), inMay));
  });
});
