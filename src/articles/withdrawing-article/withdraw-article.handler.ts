import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ARTICLE_ID } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import type { EventStore } from '../../event-store/event-store.js';
import { EVENT_STORE } from '../../common/tokens.js';
import { writeToArticle, type WriteResult } from '../append-to-article.js';
import { WithdrawArticleCommand } from './withdraw-article.command.js';
import { withdrawArticle } from './withdraw-article.js';

@CommandHandler(WithdrawArticleCommand)
export class WithdrawArticleHandler implements ICommandHandler<WithdrawArticleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ articleId, expectedRevision, reason, recordedBy, context }: WithdrawArticleCommand): Promise<WriteResult> {
    if (!ARTICLE_ID.test(articleId)) throw notFound(`article ${articleId}`);
    return writeToArticle(this.store, articleId, expectedRevision, context, ({ state }) => [
      withdrawArticle(state, { articleId, reason, recordedBy, at: new Date() }),
    ]);
  }
}
