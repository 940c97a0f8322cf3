// The stored conflicts read model answers what the in-memory reference answers, live and as of
// any position: random histories (out-of-order dates, corrections, retractions) fed to both, then
// random filters and pages compared, and every claim's conflicts.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { conflictsProjection } from '../../src/read-models/conflicts/conflicts.projection.js';
import { attributionsProjection } from '../../src/read-models/attributions/attributions.projection.js';
import { storedAttributions } from '../../src/read-models/attributions/attributions.stored.js';
import { storedClaims } from '../../src/read-models/claims/claims.stored.js';
import { conflictsOfClaim, getConflict, listConflicts, listConflictsJson, type ConflictFilter } from '../../src/read-models/conflicts/conflicts.queries.js';
import { storedConflicts } from '../../src/read-models/conflicts/conflicts.stored.js';
import { conflictsOfClaimStored, findConflicts, getConflictStored, listConflictsStoredJson } from '../../src/read-models/conflicts/conflicts.stored-queries.js';
import { isClaimEvent } from '../../src/read-models/shared/claim-events.js';
import type { ProjectedEvent } from '../../src/read-models/projection.js';
import { momentsOf, storeOf } from '../support/stored-read-models.js';
import { given } from './given.js';
import { build, denseStep, TOPICS, TYPES } from './random-history.js';

const KEYS = ['ruritania', 'genovia', '~elders', '~a-witness', '~outlet'];
const KINDS = ['competing-account', 'denial', 'actor-disagreement'] as const;
const DAYS = ['2031-01-02', '2031-01-04', '2031-01-06', '2031-01-08', '2031-03-01'].map(Date.parse);

/** Up to two fields at once; `article` and `claim` pick one of the history's by number. */
const filterSpec = fc.record({
  kind: fc.constantFrom(...KINDS),
  party: fc.constantFrom(...KEYS),
  source: fc.constantFrom(...KEYS),
  type: fc.constantFrom(...TYPES),
  topic: fc.constantFrom(...TOPICS),
  article: fc.nat(),
  claim: fc.nat(),
  from: fc.constantFrom(...DAYS),
  to: fc.constantFrom(...DAYS.map((t) => t + 86_400_000 - 1)),
});
const FIELDS = ['kind', 'party', 'source', 'type', 'topic', 'article', 'claim', 'from', 'to'] as const;
const query = fc.record({
  spec: filterSpec,
  fields: fc.subarray([...FIELDS], { maxLength: 2 }),
  page: fc.record({ offset: fc.integer({ min: 0, max: 3 }), limit: fc.integer({ min: 1, max: 6 }) }),
});

const idsOf = (events: readonly ProjectedEvent[]) => ({
  articles: [...new Set(events.map((e) => e.event.data.articleId))],
  claims: [...new Set(events.filter((e) => isClaimEvent(e.event)).map((e) => (e.event.data as { claimId: string }).claimId))],
});

type Query = typeof query extends fc.Arbitrary<infer Q> ? Q : never;

const filterOf = (q: Query, ids: ReturnType<typeof idsOf>): ConflictFilter => {
  const f: Record<string, unknown> = {};
  for (const field of q.fields) {
    if (field === 'article') f.article = ids.articles[q.spec.article % ids.articles.length];
    else if (field === 'claim') f.claim = ids.claims.length ? ids.claims[q.spec.claim % ids.claims.length] : 'none';
    else f[field] = q.spec[field];
  }
  return f;
};

/** The reference over the first `count` events. */
const referenceAt = (events: readonly ProjectedEvent[], count: number) => {
  const upTo = events.slice(0, count);
  const fold = <S>(p: { initial(): S; apply(s: S, e: ProjectedEvent): S }) => upTo.reduce((s, e) => p.apply(s, e), p.initial());
  return { conflicts: fold(conflictsProjection), claims: fold(claimsProjection), attributions: fold(attributionsProjection) };
};

describe('the stored conflicts read model', () => {
  it('lists what the reference lists, for random filters and pages, live and as of random positions', () => {
    let listed = 0;
    let withdrawals = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(denseStep, { minLength: 1, maxLength: 60, size: 'max' }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (steps, queries, cuts) => {
          const { events } = build(steps);
          // The list joins claim details (claims) and each claim's corroboration (attributions).
          const store = storeOf([storedClaims, storedConflicts, storedAttributions], events);
          const ids = idsOf(events);
          withdrawals += events.filter((e) => e.event.type === 'ArticleWithdrawn').length;
          for (const { reader, count } of momentsOf(store, events, cuts)) {
            const reference = referenceAt(events, count);
            for (const q of queries) {
              const filter = filterOf(q, ids);
              const expected = listConflicts(reference.conflicts, reference.claims, filter, q.page, reference.attributions);
              expect(listConflictsStoredJson(reader, filter, q.page)).toBe(
                listConflictsJson(reference.conflicts, reference.claims, filter, q.page, reference.attributions),
              );
              listed += expected.items.length;
              for (const c of expected.items) {
                kinds.add(c.kind);
                expect(getConflictStored(reader, c.id)).toEqual(getConflict(reference.conflicts, reference.claims, c.id, reference.attributions));
              }
            }
            for (const claimId of ids.claims) {
              expect(conflictsOfClaimStored(reader, claimId)).toEqual(JSON.parse(JSON.stringify(conflictsOfClaim(reference.conflicts, claimId))));
            }
          }
          store.close();
        },
      ),
      { numRuns: 120, seed: 20261201 },
    );
    // Not vacuous: pages held conflicts of every kind, and histories withdrew articles.
    expect(listed).toBeGreaterThan(60);
    expect(withdrawals).toBeGreaterThan(20);
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });
});

describe('stored denials', () => {
  const pledge = { actors: ['ruritania'], topics: ['military' as const] };

  it('oppose the asserted claims of their key within the window, and follow them as they come and go', () => {
    const g = given();
    const early = g.article('Genovia said Ruritania pledged troops.', { publishedAt: '2031-05-01' });
    const asserted = g.claim(early, { ...pledge, source: 'genovia' });
    const denying = g.article('Ruritania denied pledging troops.', { publishedAt: '2031-05-03' });
    const denial = g.claim(denying, { ...pledge, source: 'ruritania', polarity: 'denied' });
    const far = g.article('Genovia said again Ruritania pledged troops.', { publishedAt: '2031-05-20' });
    g.claim(far, { ...pledge, source: 'genovia' });
    const store = storeOf([storedConflicts], g.events);
    expect(getConflictStored(store.reader(), 'dn-none')).toBeNull();
    expect(findConflicts(store.reader()).items.map((c) => ({ a: c.a, b: c.b }))).toEqual([{ a: [denial], b: [asserted] }]);
    g.retract(asserted);
    const after = storeOf([storedConflicts], g.events);
    expect(findConflicts(after.reader()).total).toBe(0);
    expect(conflictsOfClaimStored(after.reader(), denial)).toEqual([]);
    // As of before the retraction, the denial still stood.
    expect(conflictsOfClaimStored(after.reader(g.events[g.events.length - 2].position), denial).map((c) => c.kind)).toEqual(['denial']);
  });
});

describe('claims recorded before their article', () => {
  /** The history with its first event (an article) moved to the end, positions renumbered in the new order. */
  const articleLast = (events: readonly ProjectedEvent[]): ProjectedEvent[] => [...events.slice(1), events[0]].map((e, i) => ({ ...e, position: BigInt(i) }));

  it("list their conflicts at the article's time once it arrives, as the reference does, and pair no claims within it", () => {
    const g = given();
    const late = g.article('Ruritania pledged aid. However, Genovia said it was about trade.', { publishedAt: '2031-01-02' });
    g.claim(late, { type: 'PledgeMade', topics: ['military'], source: 'genovia', evidence: 'Ruritania pledged aid.' });
    g.claim(late, { type: 'PledgeMade', topics: ['trade'], source: 'ruritania', evidence: 'However, Genovia said it was about trade.' });
    const early = g.article('Ruritania pledged aid.', { publishedAt: '2031-03-01' });
    g.claim(early, { type: 'PledgeMade', topics: ['trade'], source: { party: null, mention: 'a witness' } });
    const events = articleLast(g.events);
    const store = storeOf([storedClaims, storedConflicts, storedAttributions], events);
    for (const { reader, count } of momentsOf(store, events, [events.length - 2])) {
      const reference = referenceAt(events, count);
      const expected = listConflictsJson(reference.conflicts, reference.claims, {}, {}, reference.attributions);
      expect(listConflictsStoredJson(reader, {}, {})).toBe(expected);
    }
    // Recorded before their article: no pair within it; each pairs across articles with the later report.
    const { items } = JSON.parse(listConflictsStoredJson(store.reader(), {}, {})) as { items: Array<{ basis: string; at: string }> };
    expect(items.map((c) => [c.basis, c.at])).toEqual([['cross-article', '2031-03-01T00:00:00.000Z']]);
  });
});
