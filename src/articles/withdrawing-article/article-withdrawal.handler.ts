import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../../common/tokens.js';
import type { ArticleWithdrawnData } from '../../domain/events/index.js';
import { ARTICLE_ID } from '../../domain/ids.js';
import type { EventStore } from '../../event-store/event-store.js';
import { readArticleStream } from '../article-stream.js';
import { withdrawalUpTo } from '../withdrawn.js';
import { ArticleWithdrawalQuery } from './article-withdrawal.query.js';

/** Read from the article's stream, which a withdrawal keeps: the read models drop the article with it. */
@QueryHandler(ArticleWithdrawalQuery)
export class ArticleWithdrawalHandler implements IQueryHandler<ArticleWithdrawalQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ articleId, upTo }: ArticleWithdrawalQuery): Promise<ArticleWithdrawnData | null> {
    if (!ARTICLE_ID.test(articleId)) return null;
    const events = await readArticleStream(this.store, articleId);
    return events && withdrawalUpTo(events, upTo);
  }
}
