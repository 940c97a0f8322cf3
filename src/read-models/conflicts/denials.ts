// Denial conflicts, kept per claim key: each denied claim of a key opposes the asserted claims of
// that key published within WINDOW_MS of it (denies() in conflict-rules.ts; one conflict per
// denial, `b` in reading order). A key's claims are kept in reading order, which is time first,
// so the claims within the window of one are a binary search and a short walk, not the whole key.
import { compareFacts, denialWhy, denies, keyOf, WINDOW_MS, type ConflictFacts } from './conflict-rules.js';
import { addConflict, conflictId, removeConflict, type Conflict, type ConflictsState, type KeyClaims } from './conflicts.state.js';

/** The one denial conflict of `denied`, against the asserted claims it denies (in reading order; at least one). */
export const denialOf = (denied: ConflictFacts, asserted: readonly string[]): Conflict => ({
  id: conflictId('denial', [denied.claimId]),
  kind: 'denial',
  basis: 'same-key',
  a: [denied.claimId],
  b: [...asserted],
  why: denialWhy(denied.mention, keyOf(denied), asserted.length),
});

/** First index whose facts do not sort before `f` (reading order). */
const lowerBound = (facts: readonly ConflictFacts[], f: ConflictFacts): number => {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareFacts(facts[mid], f) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** First index whose time is at least `t`. */
const firstAtOrAfter = (facts: readonly ConflictFacts[], t: number): number => {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (facts[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The claims of a list within WINDOW_MS of time `t`, in reading order. */
const inWindow = (facts: readonly ConflictFacts[], t: number): ConflictFacts[] => {
  const out: ConflictFacts[] = [];
  for (let i = firstAtOrAfter(facts, t - WINDOW_MS); i < facts.length && facts[i].t <= t + WINDOW_MS; i++) out.push(facts[i]);
  return out;
};

/** Claims mostly come in reading order, so the end is tried first. */
const insertInOrder = (facts: ConflictFacts[], f: ConflictFacts): void => {
  if (!facts.length || compareFacts(facts[facts.length - 1], f) < 0) facts.push(f);
  else facts.splice(lowerBound(facts, f), 0, f);
};

const removeFrom = (facts: ConflictFacts[], f: ConflictFacts): void => {
  const at = facts.findIndex((g) => g.claimId === f.claimId);
  if (at >= 0) facts.splice(at, 1);
};

const groupOf = (state: Pick<ConflictsState, 'keyed'>, key: string): KeyClaims => {
  let group = state.keyed.get(key);
  if (!group) state.keyed.set(key, (group = { asserted: [], denied: [] }));
  return group;
};

/** Sets the denial conflict of `denied` from the asserted claims its window now holds (none: no conflict). */
const refresh = (state: ConflictsState, group: KeyClaims, denied: ConflictFacts): void => {
  removeConflict(state, conflictId('denial', [denied.claimId]));
  const asserted = inWindow(group.asserted, denied.t).filter((f) => denies(denied, f));
  if (asserted.length) addConflict(state, denialOf(denied, asserted.map((f) => f.claimId)));
};

/**
 * Whether a live claim takes part in its key's denials: asserted or denied, and not in a syndicated
 * copy, whose claims repeat its original's (the original's denial already opposes every assertion).
 */
export const joinsKey = (f: ConflictFacts): boolean => (f.polarity === 'asserted' || f.polarity === 'denied') && f.story === f.articleId;

/** On restore: puts a live claim back in its key's lists; its conflicts are already in the snapshot. */
export const restoreKey = (state: Pick<ConflictsState, 'keyed'>, f: ConflictFacts): void => {
  if (!joinsKey(f)) return;
  const group = groupOf(state, keyOf(f));
  insertInOrder(f.polarity === 'denied' ? group.denied : group.asserted, f);
};

/** A live claim (already in `state.facts`) joins its key: its own denial, or the denials within its window. */
export const addToKey = (state: ConflictsState, f: ConflictFacts): void => {
  if (!joinsKey(f)) return;
  const group = groupOf(state, keyOf(f));
  if (f.polarity === 'denied') {
    insertInOrder(group.denied, f);
    refresh(state, group, f);
    return;
  }
  insertInOrder(group.asserted, f);
  for (const denied of inWindow(group.denied, f.t)) refresh(state, group, denied);
};

/** A claim leaves its key (retracted, or about to be re-added as corrected). */
export const removeFromKey = (state: ConflictsState, f: ConflictFacts): void => {
  if (!joinsKey(f)) return;
  const key = keyOf(f);
  const group = state.keyed.get(key);
  if (!group) return;
  if (f.polarity === 'denied') {
    removeFrom(group.denied, f);
    removeConflict(state, conflictId('denial', [f.claimId]));
  } else {
    removeFrom(group.asserted, f);
    for (const denied of inWindow(group.denied, f.t)) refresh(state, group, denied);
  }
  if (!group.asserted.length && !group.denied.length) state.keyed.delete(key);
};
