import { DomainError } from '../domain/errors.js';
import type { ArticleWithdrawnData } from '../domain/events/index.js';
import type { ArticleState } from './article-state.js';

/** The 409 for anything but a forced re-ingest of a withdrawn article: it names the withdrawal, so a person knows why. */
export const withdrawnConflict = (withdrawal: ArticleWithdrawnData, attempted: string): DomainError =>
  new DomainError(
    'conflict',
    `article ${withdrawal.articleId} was withdrawn at ${withdrawal.withdrawnAt} by ${withdrawal.recordedBy} (reason: ${withdrawal.reason}); ${attempted}`,
    { articleId: withdrawal.articleId, withdrawal: { withdrawnAt: withdrawal.withdrawnAt, recordedBy: withdrawal.recordedBy, reason: withdrawal.reason } },
  );

/** Claim writes on a withdrawn article are refused: it is out of every read model until it is re-ingested. */
export const refuseIfWithdrawn = (state: ArticleState): void => {
  if (state.withdrawal) throw withdrawnConflict(state.withdrawal, 'its claims cannot change until it is ingested again with force');
};
