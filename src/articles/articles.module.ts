import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ExtractionPort } from '../domain/extraction-port.js';
import { EXTRACTION } from '../common/tokens.js';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { PageFetcher } from '../inputs/fetching/page-fetcher.js';
import { SyndicationModule } from '../syndication/syndication.module.js';
import { CorrectClaimController } from './correcting-claim/correct-claim.controller.js';
import { CorrectClaimHandler } from './correcting-claim/correct-claim.handler.js';
import { IngestArticleController } from './ingesting-article/ingest-article.controller.js';
import { IngestArticleHandler } from './ingesting-article/ingest-article.handler.js';
import { ArticleEventsController } from './reading-events/article-events.controller.js';
import { ArticleEventsHandler } from './reading-events/article-events.handler.js';
import { ReextractArticlesHandler } from './reextracting-article/reextract-articles.handler.js';
import { RecordClaimController } from './recording-claim/record-claim.controller.js';
import { RecordClaimHandler } from './recording-claim/record-claim.handler.js';
import { RetractClaimController } from './retracting-claim/retract-claim.controller.js';
import { RetractClaimHandler } from './retracting-claim/retract-claim.handler.js';
import { WithdrawArticleController } from './withdrawing-article/withdraw-article.controller.js';
import { WithdrawArticleHandler } from './withdrawing-article/withdraw-article.handler.js';
import { StreamWrites } from './stream-writes.js';
import { ArticleWithdrawalHandler } from './withdrawing-article/article-withdrawal.handler.js';

/** The write side: article streams written through commands, and their raw events. */
@Module({})
export class ArticlesModule implements OnApplicationShutdown {
  constructor(@Inject(EXTRACTION) private readonly extraction: ExtractionPort) {}

  /** The app closes the extraction it was given: a pool's worker threads would keep the process alive. */
  async onApplicationShutdown(): Promise<void> {
    await this.extraction.close();
  }

  static forRoot(extraction: ExtractionPort): DynamicModule {
    return {
      module: ArticlesModule,
      imports: [CqrsModule, SyndicationModule],
      controllers: [
        IngestArticleController,
        ArticleEventsController,
        RecordClaimController,
        RetractClaimController,
        CorrectClaimController,
        WithdrawArticleController,
      ],
      providers: [
        { provide: EXTRACTION, useValue: extraction },
        ReadYourWrites,
        StreamWrites,
        PageFetcher,
        IngestArticleHandler,
        ReextractArticlesHandler,
        RecordClaimHandler,
        RetractClaimHandler,
        CorrectClaimHandler,
        WithdrawArticleHandler,
        ArticleWithdrawalHandler,
        ArticleEventsHandler,
      ],
    };
  }
}
