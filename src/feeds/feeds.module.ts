import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { PageFetcher } from '../inputs/fetching/page-fetcher.js';
import { FeedScheduler } from './feed-scheduler.js';
import { FeedsController } from './feeds.controller.js';
import { FeedPoller } from './poll-feed.js';
import { FeedSubscriptions } from './subscribe-feed.js';

/** Feeds: their REST endpoints, and in the server the scheduler that polls them. */
@Module({})
export class FeedsModule {
  static forRoot({ schedule }: { schedule: boolean }): DynamicModule {
    return {
      module: FeedsModule,
      imports: [CqrsModule],
      controllers: [FeedsController],
      providers: [PageFetcher, ReadYourWrites, FeedPoller, FeedSubscriptions, ...(schedule ? [FeedScheduler] : [])],
      exports: [FeedPoller, FeedSubscriptions],
    };
  }
}
