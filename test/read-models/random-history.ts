// Random article histories for property tests: articles with out-of-order dates and outlets (some
// recorded again), claims, corrections, retractions, withdrawals, forced re-ingests and syndicated
// copies, built with the Given builder.
import fc from 'fast-check';
import type { ClaimType, Topic } from '../../src/domain/claim.js';
import { given, type Given } from './given.js';

export const SENTENCES = ['Ruritania pledged aid.', 'Genovia raised concerns.', 'Latveria denied it.', 'Officials met.'];
export const BODY = SENTENCES.join(' ');
export const PARTIES = ['ruritania', 'genovia', '?elders'];
export const TYPES: ClaimType[] = ['PledgeMade', 'ConcernRaised', 'AccusationLevelled'];
export const TOPICS: Topic[] = ['military', 'trade', 'migration'];
export const OUTLETS = ['Daily Ledger', 'Harbour Times', null];
const SOURCES = ['ruritania', 'genovia', { party: null, mention: 'a witness' }, { party: null, mention: '' }];

export const spec = fc.record({
  type: fc.constantFrom(...TYPES),
  actors: fc.subarray(PARTIES, { maxLength: 2 }),
  targets: fc.subarray(PARTIES, { maxLength: 2 }),
  topics: fc.subarray(TOPICS, { maxLength: 2 }),
  source: fc.constantFrom(...SOURCES),
  polarity: fc.constantFrom('asserted' as const, 'denied' as const),
  evidence: fc.constantFrom(...SENTENCES),
});

/**
 * Few parties and topics, one or two actors: claims of one key, of one deed by other actors and
 * of one act under other topics meet often, so histories hold conflicts of every kind.
 */
export const denseSpec = fc.record({
  type: fc.constantFrom<ClaimType>('PledgeMade', 'PledgeMade', 'ConcernRaised'),
  actors: fc.constantFrom<string[]>(['ruritania'], ['genovia'], ['?elders'], ['genovia', 'ruritania']),
  targets: fc.constantFrom<string[]>([], ['genovia'], ['?elders']),
  topics: fc.constantFrom<Topic[]>([], ['military'], ['trade'], ['military', 'trade']),
  source: fc.constantFrom(...SOURCES),
  polarity: fc.constantFrom('asserted' as const, 'asserted' as const, 'denied' as const),
  evidence: fc.constantFrom(...SENTENCES),
});

// Withdrawals half as often as new articles, and a re-ingest takes any withdrawn one, so most
// histories keep most of their claims to compare.
const stepOf = (claim: typeof spec) =>
  fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('article' as const),
      day: fc.integer({ min: 1, max: 9 }),
      dated: fc.boolean(),
      outlet: fc.constantFrom(...OUTLETS),
      // About one article in four is recognised as a syndicated copy of an earlier one's story.
      copyOf: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('claim' as const), article: fc.nat(), spec: claim }), weight: 10 },
  {
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      claim: fc.nat(),
      spec: claim,
      fields: fc.subarray(['type', 'actors', 'targets', 'topics', 'source', 'evidence'] as const, { minLength: 1 }),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('retract' as const), claim: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('withdraw' as const), article: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reingest' as const), article: fc.nat() }), weight: 1 },
  {
    // The same article recorded again: another date, outlet or title (its claims move with it).
    arbitrary: fc.record({
      kind: fc.constant('rerecord' as const),
      article: fc.nat(),
      day: fc.integer({ min: 1, max: 9 }),
      outlet: fc.constantFrom(...OUTLETS),
    }),
    weight: 1,
  },
);

export const step = stepOf(spec);
/** Steps whose claims are denseSpec's: for the conflicts read model's tests. */
export const denseStep = stepOf(denseSpec);
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const party = (name: string) => (name.startsWith('?') ? { party: null, mention: name.slice(1) } : { party: name, mention: name });

/** The fields a correct step changes, as the claim would carry them. */
export const changesOf = (s: Extract<Step, { kind: 'correct' }>) => {
  const start = BODY.indexOf(s.spec.evidence);
  const full = {
    type: s.spec.type,
    actors: s.spec.actors.map(party),
    targets: s.spec.targets.map(party),
    topics: s.spec.topics,
    source: typeof s.spec.source === 'string' ? { ...party(s.spec.source), cue: 'said', via: null } : { ...s.spec.source, cue: 'said', via: null },
    evidence: { text: s.spec.evidence, start, end: start + s.spec.evidence.length },
  };
  return Object.fromEntries(s.fields.map((f) => [f, full[f]]));
};

/**
 * A withdrawal or a forced re-ingest, as the write side allows them (a live article withdrawn, a
 * withdrawn one ingested again); true when the step was one of them.
 */
export const withdrawalStep = (g: Given, articles: string[], s: { kind: string; article?: number }): boolean => {
  if (s.kind !== 'withdraw' && s.kind !== 'reingest') return false;
  const article = articles[s.article! % articles.length];
  const withdrawn = [...g.withdrawn];
  // Not an original with copies: what its copies count as once it is withdrawn is not settled (see the README).
  if (s.kind === 'withdraw' && !g.withdrawn.has(article) && !g.hasCopies(article)) g.withdraw(article);
  if (s.kind === 'reingest' && withdrawn.length) g.reingest(withdrawn[s.article! % withdrawn.length]);
  return true;
};

/** No claim write reaches a withdrawn article (an article id, or a claim id, which starts with it): the write side refuses it (409). */
export const writable = (g: Given, id: string): boolean => !g.withdrawn.has(id.split('-')[0]);


/** The article just ingested is recognised as a copy of an earlier live article's story, as ingest records it: right after it, of an original. */
export const recordCopy = (g: Given, articles: string[], copies: Map<string, string>, pick: number | null): void => {
  const earlier = articles.slice(0, -1).filter((id) => !g.withdrawn.has(id));
  if (pick === null || !earlier.length) return;
  const copy = articles[articles.length - 1];
  const picked = earlier[pick % earlier.length];
  const original = copies.get(picked) ?? picked;
  if (g.withdrawn.has(original)) return;
  copies.set(copy, original);
  g.copy(copy, original);
};

export const build = (steps: Step[]): Given => {
  const g = given();
  const articles: string[] = [g.article(BODY, { publishedAt: '2031-01-05' })];
  const claims: string[] = [];
  const copies = new Map<string, string>();
  for (const s of steps) {
    if (withdrawalStep(g, articles, s)) continue;
    if (s.kind === 'article') {
      articles.push(g.article(BODY, { publishedAt: s.dated ? `2031-01-0${s.day}` : null, outlet: s.outlet }));
      recordCopy(g, articles, copies, s.copyOf);
    } else if (s.kind === 'claim') {
      // A claim goes to a live article: the write side refuses one on a withdrawn article.
      const live = articles.filter((id) => writable(g, id));
      const { evidence, ...rest } = s.spec;
      if (live.length) claims.push(g.claim(live[s.article % live.length], { ...rest, evidence }));
    } else if (s.kind === 'correct' && claims.length && writable(g, claims[s.claim % claims.length])) {
      g.correct(claims[s.claim % claims.length], changesOf(s));
    } else if (s.kind === 'retract' && claims.length && writable(g, claims[s.claim % claims.length])) g.retract(claims[s.claim % claims.length]);
    else if (s.kind === 'rerecord' && writable(g, articles[s.article % articles.length])) {
      g.rerecord(articles[s.article % articles.length], { publishedAt: `2031-01-0${s.day}`, outlet: s.outlet });
    }
  }
  return g;
};
