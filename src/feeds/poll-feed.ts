// One poll of one feed: conditional GET, parse, ingest the items not seen before, record the poll.
// Items go through IngestArticleCommand, which is idempotent on the article's body, and the poll is
// recorded after them: a poll killed half-way records nothing, and the next poll finds the items it
// had ingested already there (created: false) instead of writing them twice.
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IngestArticleCommand } from '../articles/ingesting-article/ingest-article.command.js';
import { EVENT_STORE } from '../common/tokens.js';
import { notFound } from '../domain/errors.js';
import { newCommandContext, type CommandContext } from '../domain/events/index.js';
import type { FeedPolledData, IngestedItem } from '../domain/feeds/feed-events.js';
import type { FeedState } from '../domain/feeds/feed-state.js';
import { WrongExpectedVersionError, type EventStore } from '../event-store/event-store.js';
import { feedItems, type FeedItem } from '../inputs/feeds/feed-items.js';
import { AddressRefusedError, UpstreamError } from '../inputs/fetching/fetch-errors.js';
import { FEED_TYPES, type FetchedPage } from '../inputs/fetching/fetch-page.js';
import { PageFetcher } from '../inputs/fetching/page-fetcher.js';
import { ReadYourWrites } from '../http/read-your-writes.js';
import { inputOfItem } from './feed-item-input.js';
import { appendFeedEvent, loadFeed } from './feed-stream.js';

@Injectable()
export class FeedPoller {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
    private readonly pages: PageFetcher,
    private readonly views: ReadYourWrites,
  ) {}

  /** Fetches the feed document (conditionally when the feed has validators). Refusals and upstream failures throw. */
  fetchFeed(url: string, feed?: Pick<FeedState, 'etag' | 'lastModified'>): Promise<FetchedPage> {
    return this.pages.fetch(url, FEED_TYPES, { etag: feed?.etag, lastModified: feed?.lastModified });
  }

  /** Polls now, due or not; `fetched` is a document already fetched (the subscription's first look). */
  async poll(feedId: string, context: CommandContext = newCommandContext(), fetched?: FetchedPage): Promise<FeedState> {
    const loaded = await loadFeed(this.store, feedId);
    if (!loaded || !loaded.state.active) throw notFound(`feed ${feedId}`);
    const { state, revision } = loaded;
    let page: FetchedPage;
    let items: FeedItem[] = [];
    try {
      page = fetched ?? (await this.fetchFeed(state.url, state));
      if (page.status === 200) items = feedItems(page.text);
    } catch (error) {
      // Only the fetch and the parse are in here: whatever failed, the feed failed this poll.
      const reason = error instanceof AddressRefusedError || error instanceof UpstreamError ? error.message : `not a feed: ${(error as Error).message}`;
      await this.record(feedId, revision, { type: 'FeedPollFailed', data: { feedId, reason } }, context);
      return (await loadFeed(this.store, feedId))!.state;
    }
    const fresh = items.filter((item) => !state.seen.has(item.key));
    const ingested: IngestedItem[] = [];
    const failedItems: FeedPolledData['failedItems'] = [];
    let lastWritten: bigint | null = null;
    for (const item of fresh) {
      const input = inputOfItem(item);
      if (!input) { failedItems.push({ key: item.key, reason: 'the item has neither content nor a link' }); continue; }
      try {
        const result = await this.commands.execute(new IngestArticleCommand(input, newCommandContext(context.correlationId, context.keyId)));
        ingested.push({ key: item.key, articleId: result.articleId, created: result.created });
        lastWritten = result.position ?? lastWritten;
      } catch (error) {
        failedItems.push({ key: item.key, reason: (error as Error).message });
      }
    }
    const data: FeedPolledData = {
      feedId, status: page.status, etag: page.etag, lastModified: page.lastModified, itemsSeen: items.length, ingested, failedItems,
    };
    await this.record(feedId, revision, { type: 'FeedPolled', data }, context);
    // As every write to an article stream: the poll answers once the read models show what it ingested.
    await this.views.settle(lastWritten);
    return (await loadFeed(this.store, feedId))!.state;
  }

  /** Another poll recorded first (the scheduler and the CLI at once): that poll's record stands, ours is dropped. */
  private async record(feedId: string, revision: bigint, event: Parameters<typeof appendFeedEvent>[1], context: CommandContext): Promise<void> {
    try {
      await appendFeedEvent(this.store, event, revision, context);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }
}
