import type { ClaimFields, ClaimType } from './claim.js';

/**
 * What makes two extracted claims "the same finding": type, sentence, parties, source, polarity.
 * Wording of `content` and topics may be refined between extractor versions without the claim
 * counting as new.
 */
export const claimFingerprint = (claim: ClaimFields & { type: ClaimType }): string =>
  JSON.stringify([
    claim.type,
    claim.evidence.start,
    claim.evidence.end,
    claim.actors.map((a) => a.party ?? `?${a.mention}`).sort(),
    claim.targets.map((t) => t.party ?? `?${t.mention}`).sort(),
    claim.source.party ?? `?${claim.source.mention}`,
    claim.polarity,
  ]);
