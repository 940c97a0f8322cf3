import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClaimExtractor } from '../../domain/claim-extractor.js';
import { articleStream } from '../../domain/ids.js';
import { NO_STREAM, WrongExpectedVersionError, type EventStore } from '../../event-store/event-store.js';
import { CLAIM_EXTRACTOR, EVENT_STORE } from '../../common/tokens.js';
import { loadArticle } from '../article-stream.js';
import { appendToArticle } from '../append-to-article.js';
import { IngestArticleCommand, type IngestResult } from './ingest-article.command.js';
import { articleFromInput, ingestEvents, type ArticleInput } from './ingest-article.js';
import { PageFetcher } from '../../inputs/fetching/page-fetcher.js';

@CommandHandler(IngestArticleCommand)
export class IngestArticleHandler implements ICommandHandler<IngestArticleCommand, IngestResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLAIM_EXTRACTOR) private readonly extractor: ClaimExtractor,
    private readonly pages: PageFetcher,
  ) {}

  async execute({ input, context }: IngestArticleCommand): Promise<IngestResult> {
    const article = articleFromInput(await this.withPage(input));
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

  /** A bare `url` is fetched (guarded, see src/inputs/fetching/) and read as the page it answers with. */
  private async withPage(input: ArticleInput): Promise<ArticleInput> {
    if (input.text != null || input.html != null || !input.url) return input;
    const page = await this.pages.fetch(input.url);
    return { ...input, html: page.text, url: page.url };
  }

  private async existing(articleId: string): Promise<IngestResult | null> {
    const loaded = await loadArticle(this.store, articleId);
    if (!loaded) return null;
    const claims = [...loaded.state.claims.values()].filter((c) => !c.retracted).length;
    return { articleId, stream: articleStream(articleId), revision: loaded.revision, position: null, created: false, claims };
  }
}
