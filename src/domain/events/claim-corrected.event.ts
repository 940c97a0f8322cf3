import type { ClaimFields, ClaimType } from '../claim.js';

/** Only the fields an analyst changed; `type` may be corrected too. */
export type ClaimCorrection = Partial<ClaimFields> & { type?: ClaimType };

export interface ClaimCorrectedData {
  claimId: string;
  articleId: string;
  changes: ClaimCorrection;
  reason: string;
  recordedBy: string;
}

export interface ClaimCorrected {
  type: 'ClaimCorrected';
  data: ClaimCorrectedData;
}
