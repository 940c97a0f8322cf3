import type { ClaimFields, ClaimType } from '../../domain/claim.js';
import { checkEvidence } from '../../domain/evidence.js';
import { claimIdFor } from '../../domain/ids.js';
import type { ClaimEvent } from '../../domain/events/index.js';
import type { ArticleState } from '../article-state.js';
import { refuseIfWithdrawn } from '../withdrawn.js';

export interface RecordClaimInput extends ClaimFields {
  type: ClaimType;
}

/**
 * An analyst's claim. Its id is anchored on the stream revision it was written against:
 * the If-Match check makes that revision unique, so the id is too.
 */
export const recordClaim = (
  state: ArticleState,
  revision: bigint,
  input: RecordClaimInput,
  recordedBy: string,
): ClaimEvent => {
  refuseIfWithdrawn(state);
  const article = state.article!;
  checkEvidence(article.body, input.evidence);
  const { type, ...fields } = input;
  const claimId = claimIdFor({ articleId: article.articleId, recordedBy, anchor: `r${revision}`, type, ordinal: 0 });
  return { type, data: { claimId, articleId: article.articleId, recordedBy, ...fields } };
};
