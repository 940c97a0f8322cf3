import { DomainError, notFound } from '../domain/errors.js';
import type { ArticleState, ClaimState } from './article-state.js';
import { refuseIfWithdrawn } from './withdrawn.js';

/** The live claim a retraction or correction is about. */
export const liveClaim = (state: ArticleState, claimId: string): ClaimState => {
  refuseIfWithdrawn(state);
  const found = state.claims.get(claimId);
  if (!found) throw notFound(`claim ${claimId}`);
  if (found.retracted) throw new DomainError('conflict', `claim ${claimId} is retracted`, { claimId });
  return found;
};
