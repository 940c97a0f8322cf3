import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ARTICLE_ID, articleStream } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import { problemsOf } from '../../domain/events/index.js';
import type { EventStore } from '../../event-store/event-store.js';
import { readArticleStream } from '../article-stream.js';
import { EVENT_STORE } from '../../common/tokens.js';
import { ArticleEventsQuery } from './article-events.query.js';

@QueryHandler(ArticleEventsQuery)
export class ArticleEventsHandler implements IQueryHandler<ArticleEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ articleId }: ArticleEventsQuery) {
    if (!ARTICLE_ID.test(articleId)) throw notFound(`article ${articleId}`);
    const stream = articleStream(articleId);
    const events = await readArticleStream(this.store, articleId);
    if (!events) throw notFound(`article ${articleId}`);
    return {
      stream,
      revision: events[events.length - 1].revision,
      events: events.map((e) => {
        const problems = problemsOf(e);
        return {
          type: e.type, revision: e.revision.toString(), position: e.position.toString(), created: e.created.toISOString(),
          data: e.data, metadata: e.metadata, ...(problems.length ? { problems } : {}),
        };
      }),
    };
  }
}
