// The indexed listings answer exactly what a naive filter and sort of every claim answers, on
// random histories with out-of-order dates, corrections, retractions and withdrawals, whether the index was
// kept up to date event by event or built afterwards from a restored state.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { claimIndex, keySources } from '../../src/read-models/claims/claim-index.js';
import { claimsProjection, type ClaimsState } from '../../src/read-models/claims/claims.projection.js';
import { listClaims, listClaimsJson, selectClaims, toClaimResponse, type ClaimFilter } from '../../src/read-models/claims/claims.queries.js';
import { CLAIM_ID_SAMPLE } from '../../src/read-models/claims/source-summary.js';
import { getParty, getPartyJson, type PartyRole } from '../../src/read-models/parties/parties.queries.js';
import { partiesProjection } from '../../src/read-models/parties/parties.projection.js';
import { paginateMap } from '../../src/read-models/shared/page.js';
import { conflictsProjection } from '../../src/read-models/conflicts/conflicts.projection.js';
import { listConflicts, listConflictsJson } from '../../src/read-models/conflicts/conflicts.queries.js';
import { attributionsProjection } from '../../src/read-models/attributions/attributions.projection.js';
import { corroboration } from '../../src/read-models/attributions/corroboration.js';
import { given, type Given } from './given.js';
import { BODY, build, changesOf, recordCopy, SENTENCES, spec, step, TOPICS, TYPES, withdrawalStep, writable, type Step } from './random-history.js';

const KEYS = ['ruritania', 'genovia', '~elders', '~a-witness', '~outlet'];
const FIELDS = ['type', 'actor', 'target', 'party', 'source', 'topic', 'polarity', 'from'] as const;
const anyFilter = fc.record({
  type: fc.constantFrom(...TYPES),
  actor: fc.constantFrom(...KEYS),
  target: fc.constantFrom(...KEYS),
  party: fc.constantFrom(...KEYS),
  source: fc.constantFrom(...KEYS),
  topic: fc.constantFrom(...TOPICS),
  polarity: fc.constantFrom('asserted' as const, 'denied' as const),
  from: fc.constant(Date.parse('2031-01-04')),
});
// Up to two fields at once, as a reader filters; more would almost always match nothing.
const filter: fc.Arbitrary<ClaimFilter> = fc
  .tuple(anyFilter, fc.subarray([...FIELDS], { maxLength: 2 }), fc.boolean())
  .map(([all, keys, includeRetracted]) => ({
    ...Object.fromEntries(keys.map((k) => [k, all[k]])),
    ...(includeRetracted ? { includeRetracted } : {}),
  }));
const page = fc.record({ offset: fc.integer({ min: 0, max: 12 }), limit: fc.integer({ min: 1, max: 8 }) });

const naive = (state: ClaimsState, f: ClaimFilter, p: { offset: number; limit: number }) =>
  paginateMap(selectClaims(state, null, f), p, (r) => toClaimResponse(state, r));

describe('indexed claim listings', () => {
  it('equal a naive filter and sort, kept live or built afterwards', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }),
        fc.array(fc.tuple(filter, page), { minLength: 1, maxLength: 6 }),
        (steps, queries) => {
          const g = build(steps);
          // Live: the index exists from the first event, so every event goes through its upkeep.
          let live = claimsProjection.initial();
          claimIndex(live);
          for (const e of g.events) live = claimsProjection.apply(live, e);
          // Restored: a snapshot carries no index; the first query builds it.
          const restored = claimsProjection.deserialize(JSON.parse(JSON.stringify(claimsProjection.serialize(live))));
          for (const [f, p] of queries) {
            const expected = naive(live, f, p);
            if (expected.total) nonEmpty++;
            expect(listClaims(live, f, p)).toEqual(expected);
            expect(listClaims(restored, f, p)).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('a party page read from kept summaries equals one grouped from its claims', () => {
    // A filter every claim passes sends getParty down its grouping path: the reference.
    const everything = { from: -8.64e15 };
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }),
        page,
        fc.constantFrom<PartyRole | undefined>(undefined, 'actor', 'target', 'source'),
        (steps, p, role) => {
          const g = build(steps);
          let live = claimsProjection.initial();
          claimIndex(live);
          for (const e of g.events) live = claimsProjection.apply(live, e);
          const parties = g.fold(partiesProjection);
          const restored = claimsProjection.deserialize(JSON.parse(JSON.stringify(claimsProjection.serialize(live))));
          for (const key of parties.parties.keys()) {
            const expected = getParty(parties, live, key, { ...(role ? { role } : {}), ...everything }, p);
            expect(getParty(parties, live, key, role ? { role } : {}, p)).toEqual(expected);
            // What the REST layer passes when the query has no includeRetracted: the same page.
            expect(getParty(parties, live, key, { ...(role ? { role } : {}), includeRetracted: false }, p)).toEqual(expected);
            expect(getParty(parties, restored, key, role ? { role } : {}, p)).toEqual(expected);
            compared++;
          }
        },
      ),
      { numRuns: 100 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('lists conflicts between events as a fresh listing would, though it reuses its order while nothing changes', () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), page, (steps, p) => {
        const g = build(steps);
        let claims = claimsProjection.initial();
        let conflicts = conflictsProjection.initial();
        for (const e of g.events) {
          claims = claimsProjection.apply(claims, e);
          conflicts = conflictsProjection.apply(conflicts, e);
          const listed = listConflicts(conflicts, claims, {}, p);
          expect(listConflicts(conflicts, claims, {}, p)).toEqual(listed);
          const fresh = listConflicts(
            conflictsProjection.deserialize(JSON.parse(JSON.stringify(conflictsProjection.serialize(conflicts)))),
            claimsProjection.deserialize(JSON.parse(JSON.stringify(claimsProjection.serialize(claims)))),
            {},
            p,
          );
          expect(listed).toEqual(fresh);
          seen += listed.total;
        }
      }),
      { numRuns: 40 },
    );
    expect(seen).toBeGreaterThan(0);
  });
});

describe('corroboration of the claims a conflict page shows', () => {
  it('read from the tallies the claims index keeps, equals corroboration() over the attributions read model after every event', () => {
    let flagged = 0;
    let corroborated = 0;
    let copies = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
        const g = build(steps);
        copies += g.events.filter((e) => e.event.type === 'CopyRecognised').length;
        let claims = claimsProjection.initial();
        claimIndex(claims);
        let conflicts = conflictsProjection.initial();
        let attributions = attributionsProjection.initial();
        for (const e of g.events) {
          claims = claimsProjection.apply(claims, e);
          conflicts = conflictsProjection.apply(conflicts, e);
          attributions = attributionsProjection.apply(attributions, e);
          for (const key of attributions.keys.keys()) {
            const expected = corroboration(attributions, claims, key);
            expect(keySources(claims, key)).toEqual(expected.sources.map((s) => s.source));
            if (expected.status === 'corroborated') corroborated++;
          }
          for (const c of listConflicts(conflicts, claims, {}, { limit: 500 }, attributions).items) {
            for (const view of [...c.a, ...c.b]) {
              const expected = corroboration(attributions, claims, view.key);
              expect(view.corroboration).toEqual({ status: expected.status, sources: expected.sources.map((s) => s.source) });
              flagged++;
            }
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    );
    expect(flagged).toBeGreaterThan(20);
    expect(corroborated).toBeGreaterThan(20);
    // Syndicated copies are among the histories, so their tallies are compared too.
    expect(copies).toBeGreaterThan(20);
  });
});

describe('answers reused between events', () => {
  it('claim responses and party summaries reused from earlier requests equal fresh ones after every new claim, correction and retraction', () => {
    const everything = { from: -8.64e15 };
    let compared = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), (steps) => {
        const g = build(steps);
        let live = claimsProjection.initial();
        claimIndex(live);
        let parties = partiesProjection.initial();
        for (const e of g.events) {
          live = claimsProjection.apply(live, e);
          parties = partiesProjection.apply(parties, e);
          // A restored copy shares no record, index or cache with the live state: a fresh answer.
          const fresh = claimsProjection.deserialize(JSON.parse(JSON.stringify(claimsProjection.serialize(live))));
          for (const f of [{}, { includeRetracted: true }]) expect(listClaims(live, f, { limit: 500 })).toEqual(listClaims(fresh, f, { limit: 500 }));
          for (const key of parties.parties.keys()) {
            expect(getParty(parties, live, key, {}, { limit: 500 })).toEqual(getParty(parties, fresh, key, everything, { limit: 500 }));
            compared++;
          }
        }
      }),
      { numRuns: 40, seed: 11 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});

describe('answers sent as JSON text joined from kept fragments', () => {
  // Steps as above, plus re-extraction: the extractor's claim retracted as superseded and a new one
  // recorded in its article.
  const reextract = fc.record({ kind: fc.constant('reextract' as const), claim: fc.nat(), spec });
  const withReextract = fc.oneof({ arbitrary: step, weight: 4 }, { arbitrary: reextract, weight: 1 });
  type AnyStep = Step | { kind: 'reextract'; claim: number; spec: Extract<Step, { kind: 'claim' }>['spec'] };

  const buildAll = (steps: AnyStep[]): Given => {
    const g = given();
    const articles: string[] = [g.article(BODY, { publishedAt: '2031-01-05' })];
    const claims: string[] = [];
    const articleOf = new Map<string, string>();
    const copies = new Map<string, string>();
    const record = (articleId: string, s: AnyStep & { spec: unknown }) => {
      const id = g.claim(articleId, { ...(s.spec as Extract<Step, { kind: 'claim' }>['spec']) });
      claims.push(id);
      articleOf.set(id, articleId);
    };
    for (const s of steps) {
      if (withdrawalStep(g, articles, s)) continue;
      if (s.kind === 'reextract') {
        if (!claims.length || !writable(g, claims[s.claim % claims.length])) continue;
        const old = claims[s.claim % claims.length];
        g.retract(old, 'superseded by the new extractor version');
        record(articleOf.get(old)!, s);
      } else if (s.kind === 'article') {
        articles.push(g.article(BODY, { publishedAt: s.dated ? `2031-01-0${s.day}` : null }));
        recordCopy(g, articles, copies, s.copyOf);
      } else if (s.kind === 'claim' && writable(g, articles[s.article % articles.length])) record(articles[s.article % articles.length], s);
      else if (s.kind === 'correct' && claims.length && writable(g, claims[s.claim % claims.length])) {
        g.correct(claims[s.claim % claims.length], changesOf(s));
      } else if (s.kind === 'retract' && claims.length && writable(g, claims[s.claim % claims.length])) g.retract(claims[s.claim % claims.length]);
    }
    return g;
  };

  it('equal JSON.stringify of a fresh answer after every ingest, new claim, correction, retraction, re-extraction and withdrawal', () => {
    const everything = { from: -8.64e15 };
    let compared = 0;
    fc.assert(
      fc.property(fc.array(withReextract, { minLength: 1, maxLength: 50, size: 'max' }), page, (steps, p) => {
        const g = buildAll(steps);
        let live = claimsProjection.initial();
        claimIndex(live);
        let parties = partiesProjection.initial();
        let conflicts = conflictsProjection.initial();
        let attributions = attributionsProjection.initial();
        for (const e of g.events) {
          live = claimsProjection.apply(live, e);
          parties = partiesProjection.apply(parties, e);
          conflicts = conflictsProjection.apply(conflicts, e);
          attributions = attributionsProjection.apply(attributions, e);
          // A restored copy shares no record, index, kept text or cache with the live state.
          const fresh = claimsProjection.deserialize(JSON.parse(JSON.stringify(claimsProjection.serialize(live))));
          for (const f of [{}, { includeRetracted: true }, { type: 'PledgeMade' as const }, { actor: 'ruritania', type: 'ConcernRaised' as const }]) {
            expect(listClaimsJson(live, f, p)).toBe(JSON.stringify(listClaims(fresh, f, p)));
          }
          for (const key of parties.parties.keys()) {
            for (const role of [undefined, 'actor', 'source'] as const) {
              const r = role ? { role } : {};
              const expected = JSON.stringify(getParty(parties, fresh, key, { ...r, ...everything }, p));
              expect(getPartyJson(parties, live, key, { ...r, includeRetracted: false }, p)).toBe(expected);
              // The filtered path is stringified as built.
              expect(getPartyJson(parties, live, key, { ...r, ...everything }, p)).toBe(expected);
            }
            compared++;
          }
          const freshConflicts = conflictsProjection.deserialize(JSON.parse(JSON.stringify(conflictsProjection.serialize(conflicts))));
          for (const a of [undefined, attributions]) {
            expect(listConflictsJson(conflicts, live, {}, { limit: 500 }, a)).toBe(JSON.stringify(listConflicts(freshConflicts, fresh, {}, { limit: 500 }, a)));
          }
          expect(listConflictsJson(conflicts, live, { kind: 'denial' }, p, attributions)).toBe(
            JSON.stringify(listConflicts(freshConflicts, fresh, { kind: 'denial' }, p, attributions)),
          );
          expect(getPartyJson(parties, live, 'nobody', {}, p)).toBeNull();
        }
      }),
      { numRuns: 40, seed: 5 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it(`a party page shows the ${CLAIM_ID_SAMPLE} lowest claim ids per source, however the claims arrived, and counts them all`, () => {
    const g = given();
    // Claims of the article with the higher id arrive first: the lowest ids are among the last to arrive.
    const [low, high] = [g.article(BODY, { publishedAt: '2031-01-05' }), g.article(`${BODY} More.`, { publishedAt: '2031-01-06' })].sort();
    const ids = [high, low].flatMap((article) =>
      Array.from({ length: CLAIM_ID_SAMPLE - 2 }, () => g.claim(article, { actors: ['ruritania'], source: 'genovia', evidence: SENTENCES[0] })),
    );
    const claims = g.fold(claimsProjection);
    const parties = g.fold(partiesProjection);
    const detail = JSON.parse(getPartyJson(parties, claims, 'ruritania')!);
    expect(detail.asActor).toHaveLength(1);
    expect(detail.asActor[0].sources).toHaveLength(1);
    expect(detail.asActor[0].sources[0].count).toBe(ids.length);
    expect(detail.asActor[0].sources[0].claimIds).toEqual([...ids].sort().slice(0, CLAIM_ID_SAMPLE));
    expect(detail.asActor[0].sources[0].claimIds[0].startsWith(low)).toBe(true);
  });
});
