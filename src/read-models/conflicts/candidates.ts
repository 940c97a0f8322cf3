// Which claims of other articles a claim can conflict with. Across articles both pair rules need
// the same type and parties (competing accounts: actors and targets; actor disagreements: targets
// and primary topic), both claims asserted, and article times at most WINDOW_MS apart. So claims
// are bucketed by that key and by a window number floor(t / WINDOW_MS): any two claims within
// WINDOW_MS sit in the same or adjacent windows, and a new claim meets only those three buckets
// instead of every claim ever made by the same parties. The rules still decide each pair.
import { addToBucket, removeFromBucket } from '../shared/id-lists.js';
import { actKeyOf, DEED_TYPES, deedKeyOf, WINDOW_MS, type ConflictFacts } from './conflict-rules.js';
import type { CandidateIndexes } from './conflicts.state.js';

const windowOf = (t: number): number => Math.floor(t / WINDOW_MS);

/** Only asserted claims with topics can compete (their topic sets must be known and disjoint). */
const nearKey = (f: ConflictFacts): string | null =>
  f.polarity === 'asserted' && f.topics.length ? actKeyOf(f) : null;
/** Only asserted claims with actors can be credited to different actors. */
const deedKey = (f: ConflictFacts): string | null =>
  f.polarity === 'asserted' && f.actors.length && DEED_TYPES.has(f.type) ? deedKeyOf(f) : null;

export const indexCandidates = (ix: CandidateIndexes, f: ConflictFacts): void => {
  const near = nearKey(f);
  const deed = deedKey(f);
  if (near !== null) addToBucket(ix.near, `${near}@${windowOf(f.t)}`, f.claimId);
  if (deed !== null) addToBucket(ix.deeds, `${deed}@${windowOf(f.t)}`, f.claimId);
};

export const unindexCandidates = (ix: CandidateIndexes, f: ConflictFacts): void => {
  const near = nearKey(f);
  const deed = deedKey(f);
  if (near !== null) removeFromBucket(ix.near, `${near}@${windowOf(f.t)}`, f.claimId);
  if (deed !== null) removeFromBucket(ix.deeds, `${deed}@${windowOf(f.t)}`, f.claimId);
};

const inWindows = (buckets: Map<string, string[]>, key: string | null, t: number, visit: (id: string) => void): void => {
  if (key === null) return;
  const w = windowOf(t);
  for (let i = w - 1; i <= w + 1; i++) for (const id of buckets.get(`${key}@${i}`) ?? []) visit(id);
};

/** Claims that may compete with `f` (any article; the caller skips its own). */
export const nearCandidates = (ix: CandidateIndexes, f: ConflictFacts, visit: (id: string) => void): void =>
  inWindows(ix.near, nearKey(f), f.t, visit);

/** Claims that may credit `f`'s act to other actors (any article; the caller skips its own). */
export const deedCandidates = (ix: CandidateIndexes, f: ConflictFacts, visit: (id: string) => void): void =>
  inWindows(ix.deeds, deedKey(f), f.t, visit);
