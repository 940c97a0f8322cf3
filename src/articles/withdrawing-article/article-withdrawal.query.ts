import { Query } from '@nestjs/cqrs';
import type { ArticleWithdrawnData } from '../../domain/events/index.js';

/**
 * The withdrawal an article stood under at a point of the log: `upTo` a global position (null: now).
 * Null when it stood under none there, or never existed.
 */
export class ArticleWithdrawalQuery extends Query<ArticleWithdrawnData | null> {
  constructor(
    readonly articleId: string,
    readonly upTo: bigint | null,
  ) {
    super();
  }
}
