import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { extractorId, type ClaimExtractor } from '../../domain/claim-extractor.js';
import type { ArticleIngestedData, CommandContext } from '../../domain/events/index.js';
import { asExtractionPort, type ExtractionPort, type KeptClaims } from '../../domain/extraction-port.js';
import { articleStream } from '../../domain/ids.js';
import { NO_STREAM, WrongExpectedVersionError, type EventStore } from '../../event-store/event-store.js';
import { EXTRACTION, EVENT_STORE } from '../../common/tokens.js';
import { loadArticle, type LoadedArticle } from '../article-stream.js';
import { appendToArticle } from '../append-to-article.js';
import { IngestArticleCommand, type IngestResult } from './ingest-article.command.js';
import { articleEvents, reinstatesWithdrawn, textOf, type ArticleInput } from './ingest-article.js';
import { inThreadReading, readsArticles, type ArticleReading } from './article-reading.js';
import { PageFetcher } from '../../inputs/fetching/page-fetcher.js';
import { copyRecognised, Syndication } from '../../syndication/syndication.js';

@CommandHandler(IngestArticleCommand)
export class IngestArticleHandler implements ICommandHandler<IngestArticleCommand, IngestResult> {
  private readonly extraction: ExtractionPort;
  /** Where inputs are read into articles: the pool's workers when extraction runs there. */
  private readonly reading: ArticleReading;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EXTRACTION) extraction: ExtractionPort | ClaimExtractor,
    private readonly pages: PageFetcher,
    private readonly syndication: Syndication,
  ) {
    this.extraction = asExtractionPort(extraction);
    this.reading = readsArticles(this.extraction) ? this.extraction : inThreadReading;
  }

  async execute({ input, context, force }: IngestArticleCommand): Promise<IngestResult> {
    // Off this thread when the extraction is a pool, as the extraction is.
    const article = await this.reading.read(await this.withPage(input));
    return this.write(article, context, force);
  }

  /**
   * A new article opens its stream; the same text again writes nothing; a withdrawn one is refused,
   * or with force re-instated after its withdrawal. Another writer between our read and our append
   * (the same text ingested, or re-instated, at once) makes us decide again on what it wrote; the
   * claims found the first time are kept for that.
   */
  private async write(article: ArticleIngestedData, context: CommandContext, force: boolean, attempts = 3, found?: KeptClaims): Promise<IngestResult> {
    const loaded = await loadArticle(this.store, article.articleId);
    if (loaded && !reinstatesWithdrawn(loaded.state, force)) return this.existing(article.articleId, loaded);
    // Off this thread when the extraction is a pool: other requests go on meanwhile.
    const kept = found ?? (await this.extraction.extract(textOf(article)));
    // A copy is recorded right after ArticleIngested, in the same append (see src/syndication/).
    await this.syndication.ready();
    const { copy, claimed } = this.syndication.recognise(article.articleId, article.body);
    const events = articleEvents(article, extractorId(this.extraction), kept.claims, copy && copyRecognised(article.articleId, copy));
    const truncated = kept.found > kept.claims.length ? { truncated: { found: kept.found, kept: kept.claims.length } } : {};
    let appended = false;
    try {
      const result = await appendToArticle(this.store, article.articleId, events, context, loaded ? loaded.revision : NO_STREAM);
      appended = true;
      return {
        articleId: article.articleId, stream: articleStream(article.articleId), revision: result.nextExpectedRevision, position: result.position,
        created: true, ...(loaded ? { reinstated: true } : {}), claims: kept.claims.length, ...truncated,
      };
    } catch (error) {
      // Another writer wrote the stream meanwhile: the article is in the log, whatever we decide next.
      if (error instanceof WrongExpectedVersionError) appended = true;
      if (error instanceof WrongExpectedVersionError && attempts > 1) return await this.write(article, context, force, attempts - 1, kept);
      throw error;
    } finally {
      if (claimed) this.syndication.settle(article.articleId, appended);
    }
  }

  /** A bare `url` is fetched (guarded, see src/inputs/fetching/) and read as the page it answers with. */
  private async withPage(input: ArticleInput): Promise<ArticleInput> {
    if (input.text != null || input.html != null || !input.url) return input;
    const page = await this.pages.fetch(input.url);
    return { ...input, html: page.text, url: page.url };
  }

  private existing(articleId: string, { state, revision }: LoadedArticle): IngestResult {
    const claims = [...state.claims.values()].filter((c) => !c.retracted).length;
    return { articleId, stream: articleStream(articleId), revision, position: null, created: false, claims };
  }
}
