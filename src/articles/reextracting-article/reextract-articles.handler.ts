import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { extractorId, type ClaimExtractor } from '../../domain/claim-extractor.js';
import type { CommandContext } from '../../domain/events/index.js';
import { asExtractionPort, type ExtractionPort } from '../../domain/extraction-port.js';
import { WrongExpectedVersionError, type EventStore } from '../../event-store/event-store.js';
import { EXTRACTION, EVENT_STORE } from '../../common/tokens.js';
import { textOf } from '../ingesting-article/ingest-article.js';
import { appendToArticle } from '../append-to-article.js';
import { loadExistingArticle } from '../article-stream.js';
import { listArticleIds } from '../list-article-ids.js';
import { ReextractArticlesCommand, type ReextractSummary } from './reextract-articles.command.js';
import { reextractArticle } from './reextract-article.js';

@CommandHandler(ReextractArticlesCommand)
export class ReextractArticlesHandler implements ICommandHandler<ReextractArticlesCommand> {
  private readonly extraction: ExtractionPort;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EXTRACTION) extraction: ExtractionPort | ClaimExtractor,
  ) {
    this.extraction = asExtractionPort(extraction);
  }

  async execute({ articleId, context, onArticle }: ReextractArticlesCommand): Promise<ReextractSummary> {
    const ids = articleId ? [articleId] : await listArticleIds(this.store);
    const summary: ReextractSummary = { articles: ids.length, changed: 0, retracted: 0, added: 0 };
    for (const [i, id] of ids.entries()) {
      const written = await this.reextract(id, context);
      if (written.length) summary.changed++;
      for (const type of written) summary[type === 'ClaimRetracted' ? 'retracted' : 'added']++;
      onArticle?.(i + 1, ids.length);
    }
    return summary;
  }

  /** One append per article; a concurrent analyst write makes it decide again on the new state. */
  private async reextract(articleId: string, context: CommandContext, attempts = 3): Promise<string[]> {
    const { state, revision } = await loadExistingArticle(this.store, articleId);
    // A withdrawn article stays as it is (reextractArticle): not worth a worker's time.
    if (state.withdrawal) return [];
    // The same limit as at ingest (MAX_CLAIMS_PER_ARTICLE): what it cut is not added now either.
    const { claims } = await this.extraction.extract(textOf(state.article!));
    const events = reextractArticle(state, extractorId(this.extraction), claims);
    if (events.length === 0) return [];
    try {
      await appendToArticle(this.store, articleId, events, context, revision);
      return events.map((e) => e.type);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempts > 1) return this.reextract(articleId, context, attempts - 1);
      throw error;
    }
  }
}
