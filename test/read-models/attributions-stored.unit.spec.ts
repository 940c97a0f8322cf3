// The stored attributions read model answers what the reference (attributions and claims read
// models in memory) answers, live and as of any position, on random histories.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { attributionsProjection } from '../../src/read-models/attributions/attributions.projection.js';
import { getAttribution, listAttributions, type AttributionFilter } from '../../src/read-models/attributions/attributions.queries.js';
import { storedAttributions } from '../../src/read-models/attributions/attributions.stored.js';
import { getAttributionStored, keySourcesStored, listAttributionsStored } from '../../src/read-models/attributions/attributions.stored-queries.js';
import { storedClaims } from '../../src/read-models/claims/claims.stored.js';
import { keySources } from '../../src/read-models/claims/claim-index.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import type { ProjectedEvent } from '../../src/read-models/projection.js';
import { momentsOf, storeOf } from '../support/stored-read-models.js';
import { given } from './given.js';
import { build, denseStep, step, TOPICS, TYPES } from './random-history.js';

const KEYS = ['ruritania', 'genovia', '~elders', '~a-witness', '~outlet'];
const DAYS = ['2031-01-02', '2031-01-04', '2031-01-06', '2031-03-01'].map(Date.parse);

const filterSpec = fc.record({
  type: fc.constantFrom(...TYPES),
  actor: fc.constantFrom(...KEYS),
  target: fc.constantFrom(...KEYS),
  party: fc.constantFrom(...KEYS),
  topic: fc.constantFrom(...TOPICS),
  source: fc.constantFrom(...KEYS),
  status: fc.constantFrom('none' as const, 'single-source' as const, 'corroborated' as const),
  from: fc.constantFrom(...DAYS),
  to: fc.constantFrom(...DAYS.map((t) => t + 86_400_000 - 1)),
});
const FIELDS = ['type', 'actor', 'target', 'party', 'topic', 'source', 'status', 'from', 'to'] as const;
const filter: fc.Arbitrary<AttributionFilter> = fc
  .tuple(filterSpec, fc.subarray([...FIELDS], { maxLength: 2 }), fc.boolean())
  .map(([all, keys, includeRetracted]) => ({ ...Object.fromEntries(keys.map((k) => [k, all[k]])), ...(includeRetracted ? { includeRetracted } : {}) }));
const page = fc.record({ offset: fc.integer({ min: 0, max: 3 }), limit: fc.integer({ min: 1, max: 5 }) });

/** The reference over the first `count` events. */
const referenceAt = (events: readonly ProjectedEvent[], count: number) => {
  const upTo = events.slice(0, count);
  const fold = <S>(p: { initial(): S; apply(s: S, e: ProjectedEvent): S }) => upTo.reduce((s, e) => p.apply(s, e), p.initial());
  return { attributions: fold(attributionsProjection), claims: fold(claimsProjection) };
};

describe('the stored attributions read model', () => {
  it('lists what the reference lists and flags the same sources, live and as of random positions', () => {
    let listed = 0;
    let columns = 0;
    let withdrawals = 0;
    const statuses = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(step, denseStep), { minLength: 1, maxLength: 50, size: 'max' }),
        fc.array(fc.tuple(filter, page), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (steps, queries, cuts) => {
          const { events } = build(steps);
          withdrawals += events.filter((e) => e.event.type === 'ArticleWithdrawn').length;
          // The side-by-side answer joins claim details from the claims read model.
          const store = storeOf([storedClaims, storedAttributions], events);
          for (const { reader, count } of momentsOf(store, events, cuts)) {
            const { attributions, claims } = referenceAt(events, count);
            for (const [f, p] of queries) {
              const expected = listAttributions(attributions, claims, f, p);
              expect(listAttributionsStored(reader, f, p)).toEqual(expected);
              listed += expected.items.length;
              for (const s of expected.items) statuses.add(s.status);
            }
            for (const key of attributions.keys.keys()) {
              expect(keySourcesStored(reader, key)).toEqual(keySources(claims, key));
              for (const includeRetracted of [false, true]) {
                const [, p] = queries[0];
                const expected = getAttribution(attributions, claims, key, { includeRetracted }, p);
                expect(getAttributionStored(reader, key, { includeRetracted }, p)).toEqual(expected);
                if (expected) columns += expected.columns.items.length;
              }
            }
            expect(getAttributionStored(reader, 'PledgeMade:atlantis:-')).toBeNull();
          }
          store.close();
        },
      ),
      { numRuns: 120, seed: 20261201 },
    );
    // Not vacuous: pages held keys of every status.
    expect(listed).toBeGreaterThan(300);
    expect(columns).toBeGreaterThan(300);
    expect(withdrawals).toBeGreaterThan(20);
    expect([...statuses].sort()).toEqual(['corroborated', 'none', 'single-source']);
  });
});

describe('claims recorded before their article', () => {
  it("move to the article's time and outlet when it arrives, as the reference does", () => {
    const g = given();
    const late = g.article('Ruritania pledged aid.', { publishedAt: '2031-01-02', outlet: 'Harbour Times' });
    g.claim(late, { source: { party: null, mention: '' } });
    g.claim(late, { source: 'genovia' });
    const other = g.article('Ruritania pledged aid.', { publishedAt: '2031-03-05' });
    g.claim(other, { source: { party: null, mention: '' } });
    // The first article's event comes last: its claims were recorded before it.
    const events = [...g.events.slice(1), g.events[0]].map((e, i) => ({ ...e, position: BigInt(i) }));
    const store = storeOf([storedClaims, storedAttributions], events);
    for (const { reader, count } of momentsOf(store, events, [events.length - 2])) {
      const { attributions, claims } = referenceAt(events, count);
      expect(listAttributionsStored(reader)).toEqual(listAttributions(attributions, claims));
      expect(getAttributionStored(reader, 'PledgeMade:ruritania:-')).toEqual(getAttribution(attributions, claims, 'PledgeMade:ruritania:-'));
    }
    const [summary] = listAttributionsStored(store.reader()).items;
    expect(summary).toMatchObject({ firstAt: '2031-01-02T00:00:00.000Z', lastAt: '2031-03-05T00:00:00.000Z', status: 'corroborated' });
    expect(summary.sources.map((s) => s.source).sort()).toEqual(['genovia', '~outlet@daily-ledger', '~outlet@harbour-times']);
  });
});
