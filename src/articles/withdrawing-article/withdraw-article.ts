import { invalid, notFound } from '../../domain/errors.js';
import type { ArticleWithdrawn } from '../../domain/events/index.js';
import type { ArticleState } from '../article-state.js';
import { withdrawnConflict } from '../withdrawn.js';

export interface WithdrawalRequest {
  articleId: string;
  reason: string;
  recordedBy: string;
  at: Date;
}

/** `state` null: the article's stream does not exist. */
export const withdrawArticle = (state: ArticleState | null, { articleId, reason, recordedBy, at }: WithdrawalRequest): ArticleWithdrawn => {
  const trimmed = reason.trim();
  if (trimmed === '') throw invalid('a withdrawal needs a reason (why the article leaves the read models), e.g. {"reason": "hoax"}', { field: 'reason' });
  if (!state?.article) throw notFound(`article ${articleId}`);
  if (state.withdrawal) throw withdrawnConflict(state.withdrawal, 'it cannot be withdrawn twice');
  const claimIds = [...state.claims.keys()];
  return { type: 'ArticleWithdrawn', data: { articleId, reason: trimmed, recordedBy, withdrawnAt: at.toISOString(), claimIds } };
};
