// Properties every read model must have: snapshots restore an equal state, replays are deterministic,
// a withdrawal leaves a read model as if the article had never been there, and the conflicts read model kept
// incrementally through corrections, retractions and withdrawals equals the one built from the
// claims' final states.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ClaimType, Topic } from '../../src/domain/claim.js';
import { ALL_PROJECTIONS } from '../../src/read-models/index.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { conflictsProjection } from '../../src/read-models/conflicts/conflicts.projection.js';
import type { Projection } from '../../src/read-models/projection.js';
import { canonicalJson, stableHash } from '../../src/read-models/stable-hash.js';
import { given, party, type Given } from './given.js';

const SENTENCES = [
  'Ruritania raised concerns about raids, an official said.',
  'Genovia pledged to rebuild the bridge.',
  'However, a spokesman said the talks were about workers.',
  'Latveria denied the claim.',
];
const BODY = SENTENCES.join(' ');
// A small world, so that generated claims often meet and conflict.
const PARTIES = ['ruritania', 'genovia'];
const TARGETS = ['genovia', '?elders'];
const TYPES: ClaimType[] = ['PledgeMade', 'ConcernRaised'];
const TOPICS: Topic[] = ['military', 'trade', 'migration'];
const SOURCES = [
  { party: 'ruritania', mention: 'an official' },
  { party: 'ruritania', mention: 'a spokesman' },
  { party: 'genovia', mention: 'Genovian officials' },
  { party: null, mention: '' },
];
const CONTENTS = ['rebuild the bridge', 'rebuild the river bridge', 'workers abroad', 'raids on villages'];

const claimSpec = fc.record({
  type: fc.constantFrom(...TYPES),
  actors: fc.subarray(PARTIES, { minLength: 1, maxLength: 1 }),
  targets: fc.subarray(TARGETS, { maxLength: 1 }),
  topics: fc.subarray(TOPICS, { minLength: 1, maxLength: 1 }),
  source: fc.constantFrom(...SOURCES),
  polarity: fc.constantFrom('asserted' as const, 'asserted' as const, 'denied' as const),
  content: fc.constantFrom(...CONTENTS),
  evidence: fc.constantFrom(...SENTENCES),
});

const step = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('article' as const),
      day: fc.integer({ min: 1, max: 9 }),
      outlet: fc.constantFrom('Daily Ledger', 'Harbour Times'),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('claim' as const), article: fc.nat(), spec: claimSpec }), weight: 6 },
  {
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      claim: fc.nat(),
      changes: claimSpec,
      fields: fc.subarray(['type', 'actors', 'targets', 'topics', 'source', 'polarity', 'content', 'evidence'] as const, { minLength: 1 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('retract' as const), claim: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('withdraw' as const), article: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reingest' as const), article: fc.nat() }), weight: 1 },
  // A later article recognised as a syndicated copy of an earlier one's story, before or after its claims arrive.
  { arbitrary: fc.record({ kind: fc.constant('copy' as const), copy: fc.nat(), original: fc.nat() }), weight: 1 },
);

/** Builds a history from generated steps; returns the builder and its articles in order. */
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

interface BuiltArticle {
  id: string;
  day: number;
  outlet: string;
  /** Index of its story's original in the article list, when it is a syndicated copy. */
  copyOf?: number;
}

/** Whether an article is part of a story (a copy, or an original with copies): such articles are not withdrawn here (see the README). */
const inStory = (articles: BuiltArticle[], i: number): boolean => articles[i].copyOf !== undefined || articles.some((a) => a.copyOf === i);

const build = (steps: Step[]): { g: Given; articles: BuiltArticle[] } => {
  const g = given();
  const articles: BuiltArticle[] = [];
  const claims: string[] = [];
  // As the write side: no claim write on a withdrawn article, no second withdrawal, no re-ingest of a live one.
  const writable = (claimId: string) => !g.withdrawn.has(claimId.split('-')[0]);
  for (const s of steps) {
    const article = articles.length ? articles[(s as { article?: number }).article! % articles.length]?.id : undefined;
    if (
      s.kind === 'withdraw' &&
      article &&
      !g.withdrawn.has(article) &&
      !inStory(
        articles,
        articles.findIndex((a) => a.id === article),
      )
    )
      g.withdraw(article);
    else if (s.kind === 'reingest' && g.withdrawn.size) g.reingest([...g.withdrawn][s.article % g.withdrawn.size]);
    else if (s.kind === 'article') {
      articles.push({ id: g.article(BODY, { publishedAt: `2031-01-0${s.day}`, outlet: s.outlet }), day: s.day, outlet: s.outlet });
    } else if (s.kind === 'claim') {
      // To a live article: the write side refuses a claim on a withdrawn one.
      const live = articles.filter((a) => !g.withdrawn.has(a.id));
      if (live.length) claims.push(g.claim(live[s.article % live.length].id, { ...s.spec, source: { ...s.spec.source, cue: 'said', via: null } }));
    } else if (s.kind === 'correct' && claims.length && writable(claims[s.claim % claims.length])) {
      const body = BODY;
      const start = body.indexOf(s.changes.evidence);
      const full = {
        type: s.changes.type,
        actors: s.changes.actors.map(party),
        targets: s.changes.targets.map(party),
        topics: s.changes.topics,
        source: { ...s.changes.source, cue: 'said', via: null },
        polarity: s.changes.polarity,
        content: s.changes.content,
        evidence: { text: s.changes.evidence, start, end: start + s.changes.evidence.length },
      };
      g.correct(claims[s.claim % claims.length], Object.fromEntries(s.fields.map((f) => [f, full[f]])));
    } else if (s.kind === 'retract' && claims.length && writable(claims[s.claim % claims.length])) {
      g.retract(claims[s.claim % claims.length]);
    } else if (s.kind === 'copy' && articles.length > 1) {
      // A later live article, once, of an earlier live one that is no copy itself: as ingest records them.
      const copy = 1 + (s.copy % (articles.length - 1));
      const original = s.original % copy;
      if (inStory(articles, copy) || articles[original].copyOf !== undefined) continue;
      if (g.withdrawn.has(articles[copy].id) || g.withdrawn.has(articles[original].id)) continue;
      articles[copy].copyOf = original;
      g.copy(articles[copy].id, articles[original].id);
    }
  }
  return { g, articles };
};

const steps = fc.array(step, { minLength: 1, maxLength: 40, size: 'max' });

describe('every read model', () => {
  it('is listed with its REST name', () => {
    expect(ALL_PROJECTIONS.map((p) => p.name)).toEqual(['claims', 'parties', 'sources', 'articles', 'attributions', 'conflicts']);
  });

  it('restores from a JSON snapshot at any point to the state a full replay reaches', () => {
    fc.assert(
      fc.property(steps, fc.nat(), (generated, cut) => {
        const { g } = build(generated);
        const at = cut % (g.events.length + 1);
        for (const p of ALL_PROJECTIONS as Projection<unknown>[]) {
          const full = g.fold(p);
          const snapshot = JSON.parse(JSON.stringify(p.serialize(g.fold(p, at))));
          const resumed = g.events.slice(at).reduce((s, e) => p.apply(s, e), p.deserialize(snapshot));
          expect([p.name, stableHash(resumed)]).toEqual([p.name, stableHash(full)]);
          expect(stableHash(p.deserialize(JSON.parse(JSON.stringify(p.serialize(full)))))).toBe(stableHash(full));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives equal hashes when any prefix is replayed twice', () => {
    fc.assert(
      fc.property(steps, fc.nat(), (generated, cut) => {
        const { g } = build(generated);
        const at = cut % (g.events.length + 1);
        for (const p of ALL_PROJECTIONS as Projection<unknown>[]) expect(stableHash(g.fold(p, at))).toBe(stableHash(g.fold(p, at)));
      }),
      { numRuns: 40 },
    );
  });
});

/** The events less everything of an article up to its last withdrawal: the history as if it had never been there. */
const withoutWithdrawn = (g: Given) => {
  const lastWithdrawal = new Map<string, bigint>();
  for (const e of g.events) if (e.event.type === 'ArticleWithdrawn') lastWithdrawal.set(e.streamName, e.position);
  return g.events.filter((e) => e.position > (lastWithdrawal.get(e.streamName) ?? -1n));
};

describe('a withdrawal', () => {
  it('leaves every read model as a history without the withdrawn article would; a forced re-ingest shows it again', () => {
    let withdrawals = 0;
    let reingests = 0;
    fc.assert(
      fc.property(steps, (generated) => {
        const { g } = build(generated);
        const kept = withoutWithdrawn(g);
        for (const p of ALL_PROJECTIONS as Projection<unknown>[]) {
          const without = kept.reduce((s, e) => p.apply(s, e), p.initial());
          expect([p.name, canonicalJson(g.fold(p))]).toEqual([p.name, canonicalJson(without)]);
        }
        withdrawals += g.events.filter((e) => e.event.type === 'ArticleWithdrawn').length;
        reingests += g.events.filter(
          (e, i) =>
            e.event.type === 'ArticleIngested' && g.events.slice(0, i).some((d) => d.event.type === 'ArticleWithdrawn' && d.streamName === e.streamName),
        ).length;
      }),
      { numRuns: 150 },
    );
    // Not vacuous: histories with withdrawals and re-ingests were generated.
    expect(withdrawals).toBeGreaterThan(50);
    expect(reingests).toBeGreaterThan(20);
  });

  it('empties the read models of the article and its claims', () => {
    const g = given();
    const kept = g.article(BODY, { publishedAt: '2031-01-02' });
    const gone = g.article(BODY, { publishedAt: '2031-01-03', outlet: 'Harbour Times' });
    const keptClaim = g.claim(kept, { evidence: SENTENCES[1], source: 'genovia' });
    const goneClaims = [g.claim(gone, { evidence: SENTENCES[1], source: 'genovia' }), g.claim(gone, { evidence: SENTENCES[3], polarity: 'denied' })];
    g.retract(goneClaims[1]);
    const before = Object.fromEntries((ALL_PROJECTIONS as Projection<unknown>[]).map((p) => [p.name, canonicalJson(g.fold(p))]));
    g.withdraw(gone);
    const json = (p: Projection<unknown>) => canonicalJson(g.fold(p));
    for (const p of ALL_PROJECTIONS as Projection<unknown>[]) {
      // Each read model held something of it (a claim id, or the article id) before, and holds nothing of it after.
      expect([p.name, before[p.name].includes(gone)]).toEqual([p.name, true]);
      expect([p.name, json(p).includes(gone)]).toEqual([p.name, false]);
      expect([p.name, json(p).includes(keptClaim)]).toEqual([p.name, true]);
    }
    g.reingest(gone);
    const claims = g.fold(claimsProjection);
    expect([...claims.claims.keys()].filter((id) => id.startsWith(gone))).toEqual([goneClaims[0]]);
    expect(claims.articles.has(gone)).toBe(true);
  });
});

describe('the conflicts read model', () => {
  it('kept through corrections, retractions and withdrawals equals the one built from the final claims', () => {
    const seen = new Set<string>();
    const kinds = ['competing-account', 'denial', 'actor-disagreement'];
    // An actor disagreement is rare in these histories (about one in 200): more rounds of 300 run
    // until every kind has been seen, so the check below fails only if the generator lost one.
    for (let round = 0; round < 10 && seen.size < kinds.length; round++) {
      checkConflictsAgainstFinalClaims(seen);
    }
    // Not vacuous: the generated histories do produce every kind.
    expect(seen).toEqual(new Set(kinds));
  });
});

const checkConflictsAgainstFinalClaims = (seen: Set<string>): void => {
  fc.assert(
    fc.property(steps, (generated) => {
      const { g, articles } = build(generated);
      const final = g.fold(claimsProjection);
      const direct = given();
      const ids = articles.map((a) => direct.article(BODY, { publishedAt: `2031-01-0${a.day}`, outlet: a.outlet }));
      articles.forEach((a, i) => a.copyOf !== undefined && direct.copy(ids[i], ids[a.copyOf]));
      for (const record of final.claims.values()) if (!record.retraction) direct.recordAs(record.claim);
      const live = g.fold(conflictsProjection);
      const rebuilt = direct.fold(conflictsProjection);
      expect(canonicalJson(live.conflicts)).toBe(canonicalJson(rebuilt.conflicts));
      expect(canonicalJson(live.facts)).toBe(canonicalJson(rebuilt.facts));
      for (const c of live.conflicts.values()) seen.add(c.kind);
    }),
    { numRuns: 300 },
  );
};

describe('stable hash', () => {
  it('ignores Map, Set and key order and undefined fields; keeps bigints and dates', () => {
    const a = {
      m: new Map([
        ['x', 1],
        ['y', 2],
      ]),
      s: new Set([2, 1]),
      b: 5n,
      d: new Date(0),
      u: undefined,
      k: { p: 1, q: 2 },
    };
    const b = {
      k: { q: 2, p: 1 },
      d: new Date(0),
      b: 5n,
      s: new Set([1, 2]),
      m: new Map([
        ['y', 2],
        ['x', 1],
      ]),
    };
    expect(stableHash(a)).toBe(stableHash(b));
    expect(stableHash({ b: 5n })).not.toBe(stableHash({ b: 6n }));
    expect(canonicalJson([1n, new Date(0)])).toBe('["1","1970-01-01T00:00:00.000Z"]');
  });
});
