// Subscribing looks at the feed first: an address the guard refuses is a 400, a server that fails
// a 502, a document that is no feed a 422, and in each case nothing is written. Then FeedSubscribed,
// and the first poll with the document already fetched.
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../common/tokens.js';
import { unprocessable } from '../domain/errors.js';
import type { CommandContext } from '../domain/events/index.js';
import { feedIdFor } from '../domain/feeds/feed-id.js';
import type { FeedState } from '../domain/feeds/feed-state.js';
import { WrongExpectedVersionError, type EventStore } from '../event-store/event-store.js';
import { feedItems } from '../inputs/feeds/feed-items.js';
import { appendFeedEvent, loadFeed } from './feed-stream.js';
import { FeedPoller } from './poll-feed.js';

@Injectable()
export class FeedSubscriptions {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly poller: FeedPoller) {}

  /** `created` false: the feed was already subscribed (its interval is left as it was). */
  async subscribe(url: string, intervalMinutes: number, context: CommandContext): Promise<{ state: FeedState; created: boolean }> {
    const feedId = feedIdFor(url);
    const existing = await loadFeed(this.store, feedId);
    if (existing?.state.active) return { state: existing.state, created: false };
    const page = await this.poller.fetchFeed(url);
    try {
      feedItems(page.text);
    } catch (error) {
      throw unprocessable(`${url} is not an RSS, Atom or RDF feed: ${(error as Error).message}`, { field: 'url' });
    }
    try {
      await appendFeedEvent(this.store, { type: 'FeedSubscribed', data: { feedId, url, intervalMinutes } }, existing?.revision ?? 'none', context);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return { state: (await loadFeed(this.store, feedId))!.state, created: false };
    }
    return { state: await this.poller.poll(feedId, context, page), created: true };
  }

  /** FeedUnsubscribed: no more polls; the stream, and the articles it brought, stay. */
  async unsubscribe(feedId: string, context: CommandContext): Promise<FeedState | null> {
    const loaded = await loadFeed(this.store, feedId);
    if (!loaded) return null;
    if (loaded.state.active) await appendFeedEvent(this.store, { type: 'FeedUnsubscribed', data: { feedId } }, loaded.revision, context);
    return (await loadFeed(this.store, feedId))!.state;
  }
}
