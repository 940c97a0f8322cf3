// The conflicts read model's state: what a snapshot keeps (articles, facts, conflicts and their lookups)
// and the candidate indexes rebuilt from the facts on restore (see candidates.ts and denials.ts).
import { fnv1a } from '../claim-key.js';
import { addToBucket, removeFromBucket } from '../shared/id-lists.js';
import type { ConflictFacts, ConflictKind, PairFinding } from './conflict-rules.js';

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
  /** Its story's original, when the article is a syndicated copy. */
  copyOf?: string;
  starts: number[];
  cues: Record<number, string>;
  /** Live claims of the article. */
  claims: string[];
}

/** The live asserted and denied claims of one claim key, each in reading order (compareFacts), so time first. */
export interface KeyClaims {
  asserted: ConflictFacts[];
  denied: ConflictFacts[];
}

/**
 * Candidates by key, then by window number (see candidates.ts). They hold the facts themselves,
 * not claim ids: a claim meets ~14 deed candidates on the bench corpus, and a look-up of each in
 * `facts` (a million entries) was the costliest line of the read model.
 */
export type WindowedFacts = Map<string, Map<number, ConflictFacts[]>>;

/** Derived from `facts` alone: never saved, rebuilt on restore, so older snapshots still load. */
export interface CandidateIndexes {
  /** claim key → window → asserted claims with topics: the cross-article competing accounts. */
  near: WindowedFacts;
  /** deedKey → window → asserted claims with actors: the cross-article actor disagreements. */
  deeds: WindowedFacts;
  /** claim key → its asserted and denied claims: the denials. */
  keyed: Map<string, KeyClaims>;
}

export interface ConflictsState extends CandidateIndexes {
  articles: Map<string, ConflictArticle>;
  /** Live claims only: a retracted claim drops out of every conflict. */
  facts: Map<string, ConflictFacts>;
  conflicts: Map<string, Conflict>;
  /** claim id → ids of the conflicts it is in. */
  byClaim: Map<string, string[]>;
}

export type SavedConflictsState = Omit<ConflictsState, keyof CandidateIndexes>;

export const emptyIndexes = (): CandidateIndexes => ({ near: new Map(), deeds: new Map(), keyed: new Map() });

const ABBREV: Record<ConflictKind, string> = { 'competing-account': 'ca', denial: 'dn', 'actor-disagreement': 'ad' };
export const conflictId = (kind: ConflictKind, claimIds: readonly string[]): string => {
  const basis = [...claimIds].sort().join('|');
  return `${ABBREV[kind]}-${fnv1a(basis)}${fnv1a(basis, 0x01000193)}`;
};

export const addConflict = (state: ConflictsState, conflict: Conflict): void => {
  state.conflicts.set(conflict.id, conflict);
  for (const id of conflict.a) addToBucket(state.byClaim, id, conflict.id);
  for (const id of conflict.b) addToBucket(state.byClaim, id, conflict.id);
};

export const removeConflict = (state: ConflictsState, id: string): void => {
  const conflict = state.conflicts.get(id);
  if (!conflict) return;
  state.conflicts.delete(id);
  for (const claimId of conflict.a) removeFromBucket(state.byClaim, claimId, id);
  for (const claimId of conflict.b) removeFromBucket(state.byClaim, claimId, id);
};
