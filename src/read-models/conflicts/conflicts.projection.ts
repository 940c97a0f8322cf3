// The conflicts view, kept incrementally: when a claim is recorded, corrected or retracted, only
// the conflicts it can take part in are recomputed: its pairs with the claims of its article, of
// its act key (type + parties) and of its deed key (type + targets + topic), and the denials of
// its old and new claim keys. Rules are in conflict-rules.ts.
import type { ClaimCorrection } from '../../domain/events/index.js';
import type { Claim } from '../../domain/claim.js';
import { fnv1a, independentSource, partyKeys } from '../claim-key.js';
import type { Projection, ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { addId, addToBucket, removeFromBucket, removeId } from '../shared/id-lists.js';
import { decodeState, encodeState } from '../shared/json-state.js';
import {
  actKeyOf, actorDisagreement, compareFacts, competingAccount, deedKeyOf, keyOf,
  type ConflictFacts, type ConflictKind, type PairFinding,
} from './conflict-rules.js';
import { contentWords } from './content-words.js';
import { indexSentences, sentenceAt } from './sentences.js';

export interface Conflict {
  /** Stable: derived from the kind and the claims it opposes (a denial: from the denied claim). */
  id: string;
  kind: ConflictKind;
  basis: PairFinding['basis'] | 'same-key';
  /** Claim ids on each side, in reading order. For a denial, `a` is the denial. */
  a: string[];
  b: string[];
  why: string;
}

export interface ConflictArticle {
  t: number;
  outlet: string | null;
  starts: number[];
  cues: Record<number, string>;
  /** Live claims of the article. */
  claims: string[];
}

export interface ConflictsState {
  articles: Map<string, ConflictArticle>;
  /** Live claims only: a retracted claim drops out of every conflict. */
  facts: Map<string, ConflictFacts>;
  byAct: Map<string, string[]>;
  byDeed: Map<string, string[]>;
  conflicts: Map<string, Conflict>;
  /** claim id → ids of the conflicts it is in. */
  byClaim: Map<string, string[]>;
  /** claim key → ids of its denial conflicts. */
  denials: Map<string, string[]>;
}

const ABBREV: Record<ConflictKind, string> = { 'competing-account': 'ca', denial: 'dn', 'actor-disagreement': 'ad' };
export const conflictId = (kind: ConflictKind, claimIds: readonly string[]): string => {
  const basis = [...claimIds].sort().join('|');
  return `${ABBREV[kind]}-${fnv1a(basis)}${fnv1a(basis, 0x01000193)}`;
};

const factsOf = (state: ConflictsState, claim: Claim, recordedAt: string): ConflictFacts => {
  const article = state.articles.get(claim.articleId);
  const starts = article?.starts ?? [0];
  const s0 = sentenceAt(starts, claim.evidence.start);
  return {
    claimId: claim.claimId,
    articleId: claim.articleId,
    t: article ? article.t : Date.parse(recordedAt),
    type: claim.type,
    actors: partyKeys(claim.actors),
    targets: partyKeys(claim.targets),
    topics: [...claim.topics],
    polarity: claim.polarity,
    source: independentSource(claim.source, article?.outlet ?? null),
    mention: claim.source.mention,
    s0,
    s1: Math.max(s0, sentenceAt(starts, Math.max(claim.evidence.start, claim.evidence.end - 1))),
    cue: article?.cues[s0] ?? null,
    words: contentWords(claim.content),
  };
};

/** Facts after a correction: recomputed from the changed fields, the rest kept. */
const correctedFacts = (state: ConflictsState, f: ConflictFacts, c: ClaimCorrection): ConflictFacts => {
  const article = state.articles.get(f.articleId);
  const next: ConflictFacts = { ...f };
  if (c.type) next.type = c.type;
  if (c.actors) next.actors = partyKeys(c.actors);
  if (c.targets) next.targets = partyKeys(c.targets);
  if (c.topics) next.topics = [...c.topics];
  if (c.polarity) next.polarity = c.polarity;
  if (c.source) {
    next.source = independentSource(c.source, article?.outlet ?? null);
    next.mention = c.source.mention;
  }
  if (c.content !== undefined) next.words = contentWords(c.content);
  if (c.evidence) {
    const starts = article?.starts ?? [0];
    next.s0 = sentenceAt(starts, c.evidence.start);
    next.s1 = Math.max(next.s0, sentenceAt(starts, Math.max(c.evidence.start, c.evidence.end - 1)));
    next.cue = article?.cues[next.s0] ?? null;
  }
  return next;
};

const addConflict = (state: ConflictsState, conflict: Conflict): void => {
  state.conflicts.set(conflict.id, conflict);
  for (const id of [...conflict.a, ...conflict.b]) addToBucket(state.byClaim, id, conflict.id);
};

const removeConflict = (state: ConflictsState, id: string): void => {
  const conflict = state.conflicts.get(id);
  if (!conflict) return;
  state.conflicts.delete(id);
  for (const claimId of [...conflict.a, ...conflict.b]) removeFromBucket(state.byClaim, claimId, id);
};

const unindex = (state: ConflictsState, f: ConflictFacts): void => {
  const article = state.articles.get(f.articleId);
  if (article) removeId(article.claims, f.claimId);
  removeFromBucket(state.byAct, actKeyOf(f), f.claimId);
  removeFromBucket(state.byDeed, deedKeyOf(f), f.claimId);
  state.facts.delete(f.claimId);
  // Pairs it was in go; denials are recomputed per key by the caller.
  for (const id of [...(state.byClaim.get(f.claimId) ?? [])]) {
    if (state.conflicts.get(id)?.kind !== 'denial') removeConflict(state, id);
  }
};

const pair = (f: ConflictFacts, g: ConflictFacts, finding: PairFinding): Conflict => {
  const [p, q] = compareFacts(f, g) <= 0 ? [f, g] : [g, f];
  return { id: conflictId(finding.kind, [p.claimId, q.claimId]), kind: finding.kind, basis: finding.basis, a: [p.claimId], b: [q.claimId], why: finding.why };
};

const index = (state: ConflictsState, f: ConflictFacts): void => {
  state.facts.set(f.claimId, f);
  const article = state.articles.get(f.articleId);
  if (article) addId(article.claims, f.claimId);
  addToBucket(state.byAct, actKeyOf(f), f.claimId);
  addToBucket(state.byDeed, deedKeyOf(f), f.claimId);
  const check = (ids: readonly string[] | undefined, rule: (x: ConflictFacts, y: ConflictFacts) => PairFinding | null) => {
    for (const id of ids ?? []) {
      const g = state.facts.get(id);
      if (!g || id === f.claimId) continue;
      const finding = rule(f, g);
      if (finding) addConflict(state, pair(f, g, finding));
    }
  };
  check(article?.claims, competingAccount);
  // Same-article pairs were checked above; these lists only add the other articles.
  check(state.byAct.get(actKeyOf(f))?.filter((id) => state.facts.get(id)?.articleId !== f.articleId), competingAccount);
  check(state.byDeed.get(deedKeyOf(f)), actorDisagreement);
};

/** Rebuilds the denial conflicts of one claim key from its live claims. */
const recomputeDenials = (state: ConflictsState, key: string, act: string): void => {
  for (const id of state.denials.get(key) ?? []) removeConflict(state, id);
  state.denials.delete(key);
  const bucket = (state.byAct.get(act) ?? []).map((id) => state.facts.get(id)!);
  // Denials are rare: find one before keying and sorting the whole bucket.
  if (!bucket.some((f) => f.polarity === 'denied' && keyOf(f) === key)) return;
  const group = bucket.filter((f) => keyOf(f) === key).sort(compareFacts);
  const asserted = group.filter((f) => f.polarity === 'asserted').map((f) => f.claimId);
  if (!asserted.length) return;
  const ids: string[] = [];
  for (const denied of group.filter((f) => f.polarity === 'denied')) {
    const quoteOf = (m: string) => (m ? `"${m}"` : 'the outlet');
    const conflict: Conflict = {
      id: conflictId('denial', [denied.claimId]), kind: 'denial', basis: 'same-key', a: [denied.claimId], b: asserted,
      why: `${quoteOf(denied.mention)} denies what ${asserted.length} asserted claim${asserted.length > 1 ? 's' : ''} of ${key} state${asserted.length > 1 ? '' : 's'}.`,
    };
    addConflict(state, conflict);
    ids.push(conflict.id);
  }
  if (ids.length) state.denials.set(key, ids);
};

/** Replaces a claim's facts (undefined: it is gone) and recomputes what it can affect. */
const update = (state: ConflictsState, claimId: string, next: ConflictFacts | undefined): void => {
  const old = state.facts.get(claimId);
  if (old) unindex(state, old);
  if (next) index(state, next);
  const keys = new Map<string, string>();
  for (const f of [old, next]) if (f) keys.set(keyOf(f), actKeyOf(f));
  for (const [key, act] of keys) recomputeDenials(state, key, act);
};

/** Mutates and returns `state`. */
export const applyToConflicts = (state: ConflictsState, { event, created }: ProjectedEvent): ConflictsState => {
  if (event.type === 'ArticleIngested') {
    const at = created.toISOString();
    const { starts, cues } = indexSentences(event.data.body);
    const existing = state.articles.get(event.data.articleId);
    state.articles.set(event.data.articleId, { t: effectiveTime(event.data.publishedAt, at), outlet: event.data.outlet, starts, cues, claims: existing?.claims ?? [] });
  } else if (isClaimEvent(event)) {
    update(state, event.data.claimId, factsOf(state, claimOfEvent(event), created.toISOString()));
  } else if (event.type === 'ClaimCorrected') {
    const old = state.facts.get(event.data.claimId);
    if (old) update(state, event.data.claimId, correctedFacts(state, old, event.data.changes));
  } else if (event.type === 'ClaimRetracted') {
    if (state.facts.has(event.data.claimId)) update(state, event.data.claimId, undefined);
  }
  return state;
};

export const conflictsProjection: Projection<ConflictsState> = {
  name: 'conflicts',
  initial: () => ({
    articles: new Map(), facts: new Map(), byAct: new Map(), byDeed: new Map(), conflicts: new Map(), byClaim: new Map(), denials: new Map(),
  }),
  apply: applyToConflicts,
  serialize: encodeState,
  deserialize: (json) => decodeState(json) as ConflictsState,
};
