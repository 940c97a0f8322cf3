// Denial conflicts, kept per claim key without rescanning it: each denied claim of a key opposes
// every asserted claim of that key (one conflict per denial, `b` in reading order). Every denial's
// `b` IS the key's asserted list (one array, read-only outside this file): an asserted claim coming
// or going is one insert or removal there, not one per denial — with claims arriving out of
// reading order, splicing each denial's own copy cost O(denials × asserted) per claim.
import { addToBucket, removeFromBucket } from '../shared/id-lists.js';
import { compareFacts, keyOf, type ConflictFacts } from './conflict-rules.js';
import { addConflict, conflictId, removeConflict, type Conflict, type ConflictsState, type KeyClaims } from './conflicts.state.js';

const quoteOf = (mention: string): string => (mention ? `"${mention}"` : 'the outlet');
const why = (mention: string, key: string, n: number): string =>
  `${quoteOf(mention)} denies what ${n} asserted claim${n > 1 ? 's' : ''} of ${key} state${n > 1 ? '' : 's'}.`;

/**
 * A denial's explanation counts its key's asserted claims, so it is read from `b` when asked
 * (an enumerable getter: snapshots, hashes and copies see a plain string) rather than rebuilt for
 * every denial each time the key gains or loses an asserted claim.
 */
const explained = (conflict: Omit<Conflict, 'why'>, mention: string, key: string): Conflict =>
  Object.defineProperty(conflict, 'why', {
    get(this: Conflict) { return why(mention, key, this.b.length); },
    enumerable: true,
    configurable: true,
  }) as Conflict;

const denialOf = (denied: ConflictFacts, key: string, asserted: string[]): Conflict =>
  explained({ id: conflictId('denial', [denied.claimId]), kind: 'denial', basis: 'same-key', a: [denied.claimId], b: asserted }, denied.mention, key);

/** Inserts `f` into a list (ids and their facts) in reading order; returns where. Claims mostly come in order, so the end is tried first. */
const insertInOrder = (ids: string[], facts: ConflictFacts[], f: ConflictFacts): number => {
  let hi = facts.length;
  if (hi === 0 || compareFacts(facts[hi - 1], f) < 0) {
    facts.push(f);
    return ids.push(f.claimId) - 1;
  }
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareFacts(facts[mid], f) < 0) lo = mid + 1;
    else hi = mid;
  }
  facts.splice(lo, 0, f);
  ids.splice(lo, 0, f.claimId);
  return lo;
};

const insertAsserted = (group: KeyClaims, f: ConflictFacts): number => insertInOrder(group.asserted, group.assertedFacts, f);
const insertDenied = (group: KeyClaims, f: ConflictFacts): number => insertInOrder(group.denied, group.deniedFacts, f);

const createAll = (state: ConflictsState, key: string, group: KeyClaims): void => {
  const ids = group.denied.map((id) => {
    const conflict = denialOf(state.facts.get(id)!, key, group.asserted);
    addConflict(state, conflict);
    return conflict.id;
  });
  if (ids.length) state.denials.set(key, ids);
};

const removeAll = (state: ConflictsState, key: string): void => {
  for (const id of state.denials.get(key) ?? []) removeConflict(state, id);
  state.denials.delete(key);
};

const groupOf = (state: Pick<ConflictsState, 'keyed'>, key: string): KeyClaims => {
  let group = state.keyed.get(key);
  if (!group) state.keyed.set(key, (group = { asserted: [], denied: [], assertedFacts: [], deniedFacts: [] }));
  return group;
};

/** After restoreKey of every claim: each denial's `b` becomes its key's asserted list again (equal to it in the snapshot). */
export const relinkDenials = (state: Pick<ConflictsState, 'keyed' | 'denials' | 'conflicts' | 'facts'>): void => {
  for (const [key, ids] of state.denials) {
    const asserted = state.keyed.get(key)?.asserted;
    if (!asserted) continue;
    for (const id of ids) {
      const conflict = state.conflicts.get(id);
      const denied = conflict && state.facts.get(conflict.a[0]);
      if (!conflict || !denied) continue;
      conflict.b = asserted;
      explained(conflict, denied.mention, key);
    }
  }
};

/**
 * Whether a live claim takes part in its key's denials: asserted or denied, and not in a syndicated
 * copy, whose claims repeat its original's (the original's denial already opposes every assertion).
 */
const joinsKey = (f: ConflictFacts): boolean => (f.polarity === 'asserted' || f.polarity === 'denied') && f.story === f.articleId;

/** On restore: puts a live claim back in its key's lists; its conflicts are already in the snapshot. */
export const restoreKey = (state: Pick<ConflictsState, 'keyed' | 'facts'>, f: ConflictFacts): void => {
  if (!joinsKey(f)) return;
  const group = groupOf(state, keyOf(f));
  if (f.polarity === 'denied') insertDenied(group, f);
  else insertAsserted(group, f);
};

/** A live claim (already in `state.facts`) joins its key. */
export const addToKey = (state: ConflictsState, f: ConflictFacts): void => {
  if (!joinsKey(f)) return;
  const key = keyOf(f);
  const group = groupOf(state, key);
  if (f.polarity === 'denied') {
    const at = insertDenied(group, f);
    if (!group.asserted.length) return;
    const conflict = denialOf(f, key, group.asserted);
    addConflict(state, conflict);
    const ids = state.denials.get(key);
    if (ids) ids.splice(at, 0, conflict.id);
    else state.denials.set(key, [conflict.id]);
    return;
  }
  insertAsserted(group, f);
  if (group.asserted.length === 1) return createAll(state, key, group);
  // Each denial's `b` already holds it (it is group.asserted), and its explanation reads `b`.
  for (const id of state.denials.get(key) ?? []) addToBucket(state.byClaim, f.claimId, id);
};

/** A claim leaves its key (retracted, or about to be re-added as corrected). */
export const removeFromKey = (state: ConflictsState, f: ConflictFacts): void => {
  if (!joinsKey(f)) return;
  const key = keyOf(f);
  const group = state.keyed.get(key);
  if (!group) return;
  const ids = state.denials.get(key);
  if (f.polarity === 'denied') {
    const at = group.denied.indexOf(f.claimId);
    if (at < 0) return;
    group.denied.splice(at, 1);
    group.deniedFacts.splice(at, 1);
    // While the key has asserted claims, ids[i] is the conflict of group.denied[i].
    if (ids) {
      removeConflict(state, ids[at]);
      ids.splice(at, 1);
      if (!ids.length) state.denials.delete(key);
    }
  } else {
    const at = group.asserted.indexOf(f.claimId);
    if (at < 0) return;
    // The last one: its denials go while their `b` still names it, so its byClaim entries go too.
    if (group.asserted.length === 1) removeAll(state, key);
    group.asserted.splice(at, 1);
    group.assertedFacts.splice(at, 1);
    if (group.asserted.length) for (const id of ids ?? []) removeFromBucket(state.byClaim, f.claimId, id);
  }
  if (!group.asserted.length && !group.denied.length) state.keyed.delete(key);
};
