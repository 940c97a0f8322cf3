// Which claims of other articles a claim can conflict with. Across articles both pair rules need
// the same type and parties (competing accounts: actors and targets; actor disagreements: targets
// and primary topic), both claims asserted, and article times at most WINDOW_MS apart. So claims
// are bucketed by that key and by a window number floor(t / WINDOW_MS): any two claims within
// WINDOW_MS sit in the same or adjacent windows, and a new claim meets only those three buckets
// instead of every claim ever made by the same parties. The rules still decide each pair.
import { keyOf, DEED_TYPES, deedKeyOf, WINDOW_MS, type ConflictFacts } from './conflict-rules.js';
import type { CandidateIndexes, WindowedFacts } from './conflicts.state.js';

const windowOf = (t: number): number => Math.floor(t / WINDOW_MS);

/** Only asserted claims with topics can compete (their topic sets must be known and disjoint). */
export const nearKey = (f: ConflictFacts): string | null =>
  f.polarity === 'asserted' && f.topics.length ? keyOf(f) : null;
/** Only asserted claims with actors can be credited to different actors. */
export const deedKey = (f: ConflictFacts): string | null =>
  f.polarity === 'asserted' && f.actors.length && DEED_TYPES.has(f.type) ? deedKeyOf(f) : null;

const add = (index: WindowedFacts, key: string | null, f: ConflictFacts): void => {
  if (key === null) return;
  let windows = index.get(key);
  if (!windows) index.set(key, (windows = new Map<number, ConflictFacts[]>()));
  const w = windowOf(f.t);
  const list = windows.get(w);
  if (!list) windows.set(w, [f]);
  else if (list[list.length - 1] !== f) list.push(f);
};

/** Removes the claim's entry (by id: whatever facts object it was indexed with), dropping empty buckets. */
const remove = (index: WindowedFacts, key: string | null, f: ConflictFacts): void => {
  if (key === null) return;
  const windows = index.get(key);
  const w = windowOf(f.t);
  const list = windows?.get(w);
  if (!list) return;
  const at = list.findIndex((g) => g.claimId === f.claimId);
  if (at >= 0) list.splice(at, 1);
  if (list.length) return;
  windows!.delete(w);
  if (!windows!.size) index.delete(key);
};

export const indexCandidates = (ix: CandidateIndexes, f: ConflictFacts): void => {
  add(ix.near, nearKey(f), f);
  add(ix.deeds, deedKey(f), f);
};

export const unindexCandidates = (ix: CandidateIndexes, f: ConflictFacts): void => {
  remove(ix.near, nearKey(f), f);
  remove(ix.deeds, deedKey(f), f);
};

const inWindows = (index: WindowedFacts, key: string | null, t: number, visit: (g: ConflictFacts) => void): void => {
  if (key === null) return;
  const windows = index.get(key);
  if (!windows) return;
  const w = windowOf(t);
  for (let i = w - 1; i <= w + 1; i++) {
    const list = windows.get(i);
    if (list) for (let j = 0; j < list.length; j++) visit(list[j]);
  }
};

/** Claims that may compete with `f` (any article; the caller skips its own). */
export const nearCandidates = (ix: CandidateIndexes, f: ConflictFacts, visit: (g: ConflictFacts) => void): void =>
  inWindows(ix.near, nearKey(f), f.t, visit);

/** Claims that may credit `f`'s act to other actors (any article; the caller skips its own). */
export const deedCandidates = (ix: CandidateIndexes, f: ConflictFacts, visit: (g: ConflictFacts) => void): void =>
  inWindows(ix.deeds, deedKey(f), f.t, visit);
