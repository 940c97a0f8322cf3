import { DomainError, type DomainErrorKind } from '../domain/errors.js';
import { decodeArticleEvent, type ArticleWithdrawnData } from '../domain/events/index.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import { evolve, initialArticleState, type ArticleState } from './article-state.js';

/** An answer about a withdrawn article names the withdrawal (when, by whom, why), so a person knows what happened. */
const namingWithdrawal = (kind: DomainErrorKind, withdrawal: ArticleWithdrawnData, then: string): DomainError =>
  new DomainError(
    kind,
    `article ${withdrawal.articleId} was withdrawn at ${withdrawal.withdrawnAt} by ${withdrawal.recordedBy} (reason: ${withdrawal.reason}); ${then}`,
    { articleId: withdrawal.articleId, withdrawal: { withdrawnAt: withdrawal.withdrawnAt, recordedBy: withdrawal.recordedBy, reason: withdrawal.reason } },
  );

/** The 409 for anything but a forced re-ingest of a withdrawn article. */
export const withdrawnConflict = (withdrawal: ArticleWithdrawnData, attempted: string): DomainError => namingWithdrawal('conflict', withdrawal, attempted);

/** The 410 of a read of a withdrawn article: it existed and was taken out of every read model on purpose, which a 404 would not say. */
export const withdrawnGone = (withdrawal: ArticleWithdrawnData): DomainError =>
  namingWithdrawal('gone', withdrawal, `its events stay in its stream (GET /articles/${withdrawal.articleId}/events)`);

/** The withdrawal in force once the stream's events up to global position `upTo` (null: all) are folded; null when none is. */
export const withdrawalUpTo = (events: readonly RecordedEvent[], upTo: bigint | null): ArticleWithdrawnData | null =>
  events.filter((e) => upTo === null || e.position <= upTo).reduce((state, e) => evolve(state, decodeArticleEvent(e)), initialArticleState()).withdrawal;

/** Claim writes on a withdrawn article are refused: it is out of every read model until it is re-ingested. */
export const refuseIfWithdrawn = (state: ArticleState): void => {
  if (state.withdrawal) throw withdrawnConflict(state.withdrawal, 'its claims cannot change until it is ingested again with force');
};
