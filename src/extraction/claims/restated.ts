// One act told twice in one sentence is one claim: "deplores and strongly opposes this and has made
// solemn demarches", "said he was alarmed by the tensions and urged both sides to show restraint".
import type { PartyRef } from '../../domain/claim.js';
import type { ExtractedClaim } from '../../domain/claim-extractor.js';

const sameParties = (a: PartyRef[], b: PartyRef[]): boolean => a.length === b.length && a.every((r) => b.some((o) => o.party === r.party));

/** The claim of `sameSentence` that `claim` restates: same type and actors, and targets alike (a concern's may be left unsaid). */
const restated = (claim: ExtractedClaim, sameSentence: readonly ExtractedClaim[]): ExtractedClaim | undefined => {
  if (claim.type !== 'AccusationLevelled' && claim.type !== 'ConcernRaised') return undefined;
  return sameSentence.find(
    (earlier) =>
      earlier.type === claim.type &&
      sameParties(earlier.actors, claim.actors) &&
      (sameParties(earlier.targets, claim.targets) || (claim.type === 'ConcernRaised' && (!claim.targets.length || !earlier.targets.length))),
  );
};

/**
 * Whether `claim` only restates an earlier claim of its sentence; the earlier one keeps the first
 * telling and takes the targets only the restatement names ("... and urged the two sides to ...").
 */
export const absorbRestatement = (claim: ExtractedClaim, sameSentence: readonly ExtractedClaim[]): boolean => {
  const earlier = restated(claim, sameSentence);
  if (!earlier) return false;
  if (!earlier.targets.length) earlier.targets = claim.targets;
  return true;
};
