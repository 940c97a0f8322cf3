import type { ClaimRetracted } from '../../domain/events/index.js';
import type { ArticleState } from '../article-state.js';
import { liveClaim } from '../claim-in-article.js';

export const retractClaim = (state: ArticleState, claimId: string, reason: string, recordedBy: string): ClaimRetracted => {
  const { claim } = liveClaim(state, claimId);
  return { type: 'ClaimRetracted', data: { claimId, articleId: claim.articleId, reason, recordedBy } };
};
