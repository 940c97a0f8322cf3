// A subscribed feed is a stream of its own (`feed-<id>`), so its history replays like an article's:
// when it was subscribed, every poll with what it saw and ingested, every failure and why.

export interface FeedSubscribedData {
  feedId: string;
  url: string;
  intervalMinutes: number;
}

export interface IngestedItem {
  key: string;
  articleId: string;
  /** False when the article was already in the store (another feed, a file, an earlier try). */
  created: boolean;
}

export interface FeedPolledData {
  feedId: string;
  /** 304: the feed had not changed since the last poll (conditional GET). */
  status: 200 | 304;
  etag: string | null;
  lastModified: string | null;
  itemsSeen: number;
  ingested: IngestedItem[];
  /** Items that could not be ingested (a page that failed, no article text): tried again next poll. */
  failedItems: Array<{ key: string; reason: string }>;
}

export interface FeedPollFailedData {
  feedId: string;
  reason: string;
}

export interface FeedUnsubscribedData {
  feedId: string;
}

export type FeedEvent =
  | { type: 'FeedSubscribed'; data: FeedSubscribedData }
  | { type: 'FeedPolled'; data: FeedPolledData }
  | { type: 'FeedPollFailed'; data: FeedPollFailedData }
  | { type: 'FeedUnsubscribed'; data: FeedUnsubscribedData };

export const FEED_EVENT_TYPES = ['FeedSubscribed', 'FeedPolled', 'FeedPollFailed', 'FeedUnsubscribed'] as const;

export const FEED_STREAM_PREFIX = 'feed-';
export const feedStream = (feedId: string): string => `${FEED_STREAM_PREFIX}${feedId}`;
export const FEED_ID = /^[0-9a-f]{16}$/;
