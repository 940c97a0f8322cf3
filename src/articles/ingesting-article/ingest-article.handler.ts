import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClaimExtractor } from '../../domain/claim-extractor.js';
import { articleStream } from '../../domain/ids.js';
import { NO_STREAM, WrongExpectedVersionError, type EventStore } from '../../event-store/event-store.js';
import { CLAIM_EXTRACTOR, EVENT_STORE } from '../../common/tokens.js';
import { loadArticle } from '../article-stream.js';
import { appendToArticle } from '../append-to-article.js';
import { IngestArticleCommand, type IngestResult } from './ingest-article.command.js';
import { articleFromInput, ingestEvents } from './ingest-article.js';

@CommandHandler(IngestArticleCommand)
export class IngestArticleHandler implements ICommandHandler<IngestArticleCommand, IngestResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAIM_EXTRACTOR) private readonly extractor: ClaimExtractor,
  ) {}

  async execute({ input, context }: IngestArticleCommand): Promise<IngestResult> {
    const article = articleFromInput(input);
    const stream = articleStream(article.articleId);
    const existing = await this.existing(article.articleId);
    if (existing) return existing;
    const events = ingestEvents(article, this.extractor);
    try {
      const result = await appendToArticle(this.store, article.articleId, events, context, NO_STREAM);
      return { articleId: article.articleId, stream, revision: result.nextExpectedRevision, position: result.position, created: true, claims: events.length - 1 };
    } catch (error) {
      // Another writer ingested the same text between our read and our append: same outcome.
      if (error instanceof WrongExpectedVersionError) return (await this.existing(article.articleId))!;
      throw error;
    }
  }

  private async existing(articleId: string): Promise<IngestResult | null> {
    const loaded = await loadArticle(this.store, articleId);
    if (!loaded) return null;
    const claims = [...loaded.state.claims.values()].filter((c) => !c.retracted).length;
    return { articleId, stream: articleStream(articleId), revision: loaded.revision, position: null, created: false, claims };
  }
}
