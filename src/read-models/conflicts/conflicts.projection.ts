// The conflicts read model, kept incrementally: when a claim is recorded, corrected or retracted, only
// the conflicts it can take part in are recomputed: its pairs with the claims of its article and
// with the candidates of other articles that the rules could match (candidates.ts: same parties,
// nearby in time), and the denials of its old and new claim keys (denials.ts). Rules are in
// conflict-rules.ts; the state and its snapshot form in conflicts.state.ts.
import { defineReadModel, type ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { addId, removeId } from '../shared/id-lists.js';
import { decodeState, encodeState } from '../shared/json-state.js';
import { flatten, sharedStrings } from '../shared/string-pool.js';
import { deedCandidates, indexCandidates, nearCandidates, unindexCandidates } from './candidates.js';
import { actorDisagreement, competingAccount, type ConflictFacts, type PairFinding } from './conflict-rules.js';
import { correctedFacts, factsOf, pairConflict } from './facts.js';
import { addConflict, emptyIndexes, removeConflict, type Conflict, type ConflictsState, type SavedConflictsState } from './conflicts.state.js';
import { addToKey, removeFromKey, restoreKey } from './denials.js';
import { indexSentences } from './sentences.js';

export { conflictId, type Conflict, type ConflictArticle, type ConflictsState } from './conflicts.state.js';

/** Kept per live claim, so the strings in it (party and source keys, content words) are shared ones. */
const sharedList = (list: string[]): string[] => {
  for (let i = 0; i < list.length; i++) list[i] = sharedStrings.intern(list[i]);
  return list;
};

const shared = (f: ConflictFacts): ConflictFacts =>
  Object.assign(f, { actors: sharedList(f.actors), targets: sharedList(f.targets), words: sharedList(f.words), source: sharedStrings.intern(f.source) });

const pair = (f: ConflictFacts, g: ConflictFacts, finding: PairFinding): Conflict => {
  const conflict = pairConflict(f, g, finding);
  return { ...conflict, id: flatten(conflict.id), why: flatten(conflict.why) };
};

const unindex = (state: ConflictsState, f: ConflictFacts): void => {
  const article = state.articles.get(f.articleId);
  if (article) removeId(article.claims, f.claimId);
  unindexCandidates(state, f);
  removeFromKey(state, f);
  state.facts.delete(f.claimId);
  // Its pair conflicts go; removeFromKey has already dealt with its denials.
  for (const id of [...(state.byClaim.get(f.claimId) ?? [])]) removeConflict(state, id);
};

const index = (state: ConflictsState, f: ConflictFacts): void => {
  state.facts.set(f.claimId, f);
  const article = state.articles.get(f.articleId);
  const meet = (g: ConflictFacts, rule: (x: ConflictFacts, y: ConflictFacts) => PairFinding | null): void => {
    const finding = rule(f, g);
    if (finding) addConflict(state, pair(f, g, finding));
  };
  // In its own article, every pair counts whatever the time; from other articles, the candidates.
  for (const id of article?.claims ?? []) {
    if (id === f.claimId) continue;
    const g = state.facts.get(id)!;
    meet(g, competingAccount);
    meet(g, actorDisagreement);
  }
  nearCandidates(state, f, (g) => {
    if (g.articleId !== f.articleId) meet(g, competingAccount);
  });
  deedCandidates(state, f, (g) => {
    if (g.articleId !== f.articleId) meet(g, actorDisagreement);
  });
  if (article) addId(article.claims, f.claimId);
  indexCandidates(state, f);
  addToKey(state, f);
};

/** Replaces a claim's facts (undefined: it is gone) and recomputes what it can affect. */
const update = (state: ConflictsState, claimId: string, next: ConflictFacts | undefined): void => {
  const old = state.facts.get(claimId);
  if (old) unindex(state, old);
  if (next) index(state, next);
};

/** A copy's claims recorded before it was known to be one (a hand-made history) leave the conflicts with their original. */
const recogniseCopy = (state: ConflictsState, articleId: string, originalArticleId: string): void => {
  const article = state.articles.get(articleId);
  if (!article || article.copyOf !== undefined) return;
  article.copyOf = originalArticleId;
  for (const id of [...article.claims]) update(state, id, { ...state.facts.get(id)!, story: originalArticleId });
};

/** Mutates and returns `state`. */
export const applyToConflicts = (state: ConflictsState, { event, created }: ProjectedEvent): ConflictsState => {
  if (event.type === 'ArticleIngested') {
    const at = isoTime(created);
    const { starts, cues } = indexSentences(event.data.body);
    const existing = state.articles.get(event.data.articleId);
    const copyOf = existing?.copyOf;
    state.articles.set(event.data.articleId, {
      t: effectiveTime(event.data.publishedAt, at),
      outlet: event.data.outlet,
      ...(copyOf ? { copyOf } : {}),
      starts,
      cues,
      claims: existing?.claims ?? [],
    });
  } else if (event.type === 'CopyRecognised') {
    recogniseCopy(state, event.data.articleId, event.data.originalArticleId);
  } else if (isClaimEvent(event)) {
    update(state, event.data.claimId, shared(factsOf(state.articles.get(event.data.articleId), event.type, event.data, Date.parse(isoTime(created)))));
  } else if (event.type === 'ClaimCorrected') {
    const old = state.facts.get(event.data.claimId);
    if (old) update(state, event.data.claimId, correctedFacts(state.articles.get(old.articleId), old, event.data.changes));
  } else if (event.type === 'ClaimRetracted') {
    if (state.facts.has(event.data.claimId)) update(state, event.data.claimId, undefined);
  } else if (event.type === 'ArticleWithdrawn') {
    // Each live claim of it leaves as a retracted one does, and its conflicts with it.
    for (const claimId of event.data.claimIds) if (state.facts.has(claimId)) update(state, claimId, undefined);
    state.articles.delete(event.data.articleId);
  }
  return state;
};

/** The candidate indexes are derived from the facts, so a snapshot leaves them out (older snapshots carried others, ignored). */
const serializeConflicts = (state: ConflictsState): unknown => {
  const { articles, facts, conflicts, byClaim } = state;
  return encodeState({ articles, facts, conflicts, byClaim } satisfies SavedConflictsState);
};

const deserializeConflicts = (json: unknown): ConflictsState => {
  const { articles, facts, conflicts, byClaim } = decodeState(json) as SavedConflictsState;
  const state: ConflictsState = { articles, facts, conflicts, byClaim, ...emptyIndexes() };
  // In facts order, which is the order the live read model last indexed them in: bucket lists come out identical.
  for (const f of facts.values()) {
    indexCandidates(state, f);
    restoreKey(state, f);
  }
  return state;
};

export const conflictsProjection = defineReadModel<'conflicts', ConflictsState>({
  name: 'conflicts',
  // 2: sentences and contrast cues from the extractor's split (claims' `sentence`, `contrastCue`);
  // denials meet the asserted claims of their key whatever their topics (keys lost the topic).
  // 3: a withdrawn article's claims leave it.
  // 4: claims of one story (a syndicated copy and its original) are never paired; copies take no part in denials.
  // 5: a denial opposes only the asserted claims of its key published within WINDOW_MS of it.
  version: 5,
  initial: () => ({ articles: new Map(), facts: new Map(), conflicts: new Map(), byClaim: new Map(), ...emptyIndexes() }),
  apply: applyToConflicts,
  serialize: serializeConflicts,
  deserialize: deserializeConflicts,
});
