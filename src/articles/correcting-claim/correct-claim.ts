import { checkEvidence } from '../../domain/evidence.js';
import { unprocessable } from '../../domain/errors.js';
import type { ClaimCorrected, ClaimCorrection } from '../../domain/events/index.js';
import type { ArticleState } from '../article-state.js';
import { liveClaim } from '../claim-in-article.js';

export const correctClaim = (
  state: ArticleState,
  claimId: string,
  changes: ClaimCorrection,
  reason: string,
  recordedBy: string,
): ClaimCorrected => {
  const { claim } = liveClaim(state, claimId);
  if (Object.keys(changes).length === 0) throw unprocessable('a correction must change at least one field', { field: 'changes' });
  if (changes.evidence) checkEvidence(state.article!.body, changes.evidence);
  return { type: 'ClaimCorrected', data: { claimId, articleId: claim.articleId, changes, reason, recordedBy } };
};
