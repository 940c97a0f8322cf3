// The conflicts read model meets a new claim only with the candidates its indexes give (same parties,
// nearby in time; denials per claim key). This checks it against the plain definition: every pair
// of live claims through the rules, and every denial against every asserted claim of its key
// within the window.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ClaimType, Topic } from '../../src/domain/claim.js';
import {
  actorDisagreement,
  compareFacts,
  competingAccount,
  denialWhy,
  keyOf,
  WINDOW_MS,
  type ConflictFacts,
} from '../../src/read-models/conflicts/conflict-rules.js';
import { conflictId, conflictsProjection, type Conflict, type ConflictsState } from '../../src/read-models/conflicts/conflicts.projection.js';
import { canonicalJson, stableHash } from '../../src/read-models/stable-hash.js';
import { given, party } from './given.js';

/** The naive reference: all pairs, all keys, nothing indexed. */
const naiveConflicts = (facts: Map<string, ConflictFacts>): Map<string, Conflict> => {
  const out = new Map<string, Conflict>();
  const live = [...facts.values()];
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      for (const rule of [competingAccount, actorDisagreement]) {
        const finding = rule(live[i], live[j]);
        if (!finding) continue;
        const [p, q] = compareFacts(live[i], live[j]) <= 0 ? [live[i], live[j]] : [live[j], live[i]];
        const id = conflictId(finding.kind, [p.claimId, q.claimId]);
        out.set(id, { id, kind: finding.kind, basis: finding.basis, a: [p.claimId], b: [q.claimId], why: finding.why });
      }
    }
  }
  const byKey = new Map<string, ConflictFacts[]>();
  for (const f of live) byKey.set(keyOf(f), [...(byKey.get(keyOf(f)) ?? []), f]);
  for (const [key, group] of byKey) {
    group.sort(compareFacts);
    for (const denied of group.filter((f) => f.polarity === 'denied')) {
      const asserted = group.filter((f) => f.polarity === 'asserted' && Math.abs(f.t - denied.t) <= WINDOW_MS).map((f) => f.claimId);
      if (!asserted.length) continue;
      const id = conflictId('denial', [denied.claimId]);
      out.set(id, { id, kind: 'denial', basis: 'same-key', a: [denied.claimId], b: asserted, why: denialWhy(denied.mention, key, asserted.length) });
    }
  }
  return out;
};

/** byClaim says exactly which conflicts each claim is in. */
const byClaimOf = (conflicts: Map<string, Conflict>) => {
  const byClaim = new Map<string, Set<string>>();
  for (const c of conflicts.values()) {
    for (const id of [...c.a, ...c.b]) byClaim.set(id, (byClaim.get(id) ?? new Set()).add(c.id));
  }
  return byClaim;
};

const BODY = [
  'Ruritania raised concerns about raids, an official said.',
  'Genovia pledged to rebuild the bridge.',
  'However, a spokesman said the talks were about workers.',
  'Latveria denied the claim.',
].join(' ');
const SENTENCES = BODY.split(/(?<=\.) /);
const PARTIES = ['ruritania', 'genovia', 'latveria'];
// Pledges and invitations are deeds (actor disagreements apply); concerns are stances (they do not).
const TYPES: ClaimType[] = ['PledgeMade', 'ConcernRaised', 'InvitationExtended'];
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
  actors: fc.subarray(PARTIES, { maxLength: 2 }),
  targets: fc.subarray(PARTIES, { maxLength: 1 }),
  topics: fc.subarray(TOPICS, { maxLength: 2 }),
  source: fc.constantFrom(...SOURCES),
  polarity: fc.constantFrom('asserted' as const, 'asserted' as const, 'denied' as const),
  content: fc.constantFrom(...CONTENTS),
  evidence: fc.constantFrom(...SENTENCES),
});

// Articles spread over three weeks at any hour, so pairs fall inside, outside and exactly on the
// three-day window, and across window boundaries; some have no date (their recording time counts).
const step = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('article' as const),
      hour: fc.option(fc.integer({ min: 0, max: 21 * 24 }), { freq: 8 }),
      outlet: fc.constantFrom('Daily Ledger', 'Harbour Times', null),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('claim' as const), article: fc.nat(), spec: claimSpec }), weight: 8 },
  {
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      claim: fc.nat(),
      changes: claimSpec,
      fields: fc.subarray(['type', 'actors', 'targets', 'topics', 'source', 'polarity', 'content', 'evidence'] as const, { minLength: 1 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('retract' as const), claim: fc.nat() }), weight: 1 },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const history = (steps: Step[]) => {
  const g = given();
  const articles: string[] = [];
  const claims: string[] = [];
  for (const s of steps) {
    if (s.kind === 'article') {
      const publishedAt = s.hour === null ? null : new Date(Date.UTC(2031, 0, 1) + s.hour * 3_600_000).toISOString();
      articles.push(g.article(BODY, { publishedAt, outlet: s.outlet }));
    } else if (s.kind === 'claim' && articles.length) {
      claims.push(g.claim(articles[s.article % articles.length], { ...s.spec, source: { ...s.spec.source, cue: 'said', via: null } }));
    } else if (s.kind === 'correct' && claims.length) {
      const start = BODY.indexOf(s.changes.evidence);
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
    } else if (s.kind === 'retract' && claims.length) {
      g.retract(claims[s.claim % claims.length]);
    }
  }
  return g;
};

const expectAsNaive = (state: ConflictsState): void => {
  expect(canonicalJson(state.conflicts)).toBe(canonicalJson(naiveConflicts(state.facts)));
  expect(canonicalJson(new Map([...state.byClaim].map(([k, ids]) => [k, new Set(ids)])))).toBe(canonicalJson(byClaimOf(state.conflicts)));
};

describe('the indexed conflicts read model', () => {
  it('finds exactly the conflicts of the naive all-pairs reference, after every event of random histories', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
        const g = history(steps);
        let state = conflictsProjection.initial();
        for (const e of g.events) {
          state = conflictsProjection.apply(state, e);
          expectAsNaive(state);
        }
        for (const c of state.conflicts.values()) seen.set(`${c.kind}/${c.basis}`, (seen.get(`${c.kind}/${c.basis}`) ?? 0) + 1);
      }),
      { numRuns: 150, seed: 20261123 },
    );
    // Not vacuous (a fixed seed, so this check does not flake): every kind and basis comes up, cross-article ones included.
    expect([...seen.keys()].sort()).toEqual([
      'actor-disagreement/same-act',
      'competing-account/adjacent',
      'competing-account/contrast-cue',
      'competing-account/cross-article',
      'denial/same-key',
    ]);
  });

  it('matches claims exactly WINDOW_MS apart and not a millisecond more, across window boundaries', () => {
    for (const start of [0, WINDOW_MS - 1, WINDOW_MS / 2]) {
      for (const [gap, expected] of [
        [WINDOW_MS, 1],
        [WINDOW_MS + 1, 0],
      ] as const) {
        const g = given();
        const at = (ms: number) => new Date(Date.UTC(2031, 0, 1) + ms).toISOString();
        const a = g.article(BODY, { publishedAt: at(start), outlet: 'Daily Ledger' });
        const b = g.article(BODY, { publishedAt: at(start + gap), outlet: 'Harbour Times' });
        g.claim(a, { type: 'ConcernRaised', targets: ['genovia'], topics: ['trade'], source: 'ruritania' });
        g.claim(b, { type: 'ConcernRaised', targets: ['genovia'], topics: ['military'], source: 'genovia' });
        const state = g.fold(conflictsProjection);
        expect([start, gap, state.conflicts.size]).toEqual([start, gap, expected]);
        expectAsNaive(state);
      }
    }
  });

  it('sets a denial against an asserted claim of its key exactly WINDOW_MS away and not a millisecond more', () => {
    for (const [gap, expected] of [
      [WINDOW_MS, 1],
      [WINDOW_MS + 1, 0],
      [-WINDOW_MS, 1],
      [-WINDOW_MS - 1, 0],
    ] as const) {
      const g = given();
      const at = (ms: number) => new Date(Date.UTC(2031, 0, 10) + ms).toISOString();
      const asserted = g.article(BODY, { publishedAt: at(0) });
      const denying = g.article(BODY, { publishedAt: at(gap) });
      g.claim(asserted, { targets: ['genovia'], source: 'genovia' });
      g.claim(denying, { targets: ['genovia'], source: 'ruritania', polarity: 'denied' });
      const state = g.fold(conflictsProjection);
      expect([gap, state.conflicts.size]).toEqual([gap, expected]);
      expectAsNaive(state);
    }
  });

  it('keeps a restored denial opposing every asserted claim of its key within the window as claims of that key come and go', () => {
    const g = given();
    const a = g.article(BODY, { publishedAt: '2031-01-01T00:00:00.000Z' });
    const spec = { type: 'PledgeMade' as const, actors: ['genovia'], targets: ['ruritania'], topics: ['military' as Topic] };
    g.claim(a, { ...spec, polarity: 'denied', source: { party: 'latveria', mention: 'Latveria', cue: 'denied', via: null } });
    const first = g.claim(a, { ...spec, source: { party: 'genovia', mention: 'Genovian officials', cue: 'said', via: null } });
    const at = g.events.length;
    g.claim(a, { ...spec, source: { party: 'ruritania', mention: 'an official', cue: 'said', via: null } });
    g.retract(first);
    g.claim(a, { ...spec, source: { party: null, mention: '', cue: 'said', via: null } });
    const saved = JSON.parse(JSON.stringify(conflictsProjection.serialize(g.fold(conflictsProjection, at))));
    let state = conflictsProjection.deserialize(saved);
    for (const e of g.events.slice(at)) {
      state = conflictsProjection.apply(state, e);
      expectAsNaive(state);
    }
    const [denial] = [...state.conflicts.values()].filter((c) => c.kind === 'denial');
    expect(denial.b).toHaveLength(2);
    expect(stableHash(state)).toBe(stableHash(g.fold(conflictsProjection)));
  });

  it('restores its indexes from a snapshot, including one written before they existed', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 50, size: 'max' }), fc.nat(), (steps, cut) => {
        const g = history(steps);
        const at = cut % (g.events.length + 1);
        const saved = JSON.parse(JSON.stringify(conflictsProjection.serialize(g.fold(conflictsProjection, at)))) as Record<string, unknown>;
        expect(Object.keys(saved).sort()).toEqual(['articles', 'byClaim', 'conflicts', 'facts']);
        // The earlier format also carried whole-group lists by act and deed; they are ignored.
        const older = { ...saved, byAct: { $map: [['x', ['y']]] }, byDeed: { $map: [] } };
        const full = g.fold(conflictsProjection);
        for (const snapshot of [saved, older]) {
          const resumed = g.events.slice(at).reduce((s, e) => conflictsProjection.apply(s, e), conflictsProjection.deserialize(snapshot));
          expect(stableHash(resumed)).toBe(stableHash(full));
        }
      }),
      { numRuns: 60 },
    );
  });
});
