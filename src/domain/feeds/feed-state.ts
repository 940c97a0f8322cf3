// A feed's state folded from its stream: what the scheduler and GET /feeds/:id need.
import type { FeedEvent } from './feed-events.js';

export interface FeedState {
  feedId: string;
  url: string;
  intervalMinutes: number;
  active: boolean;
  subscribedAt: Date;
  etag: string | null;
  lastModified: string | null;
  /** Item key → article id, for every item ingested (or found already there): never ingested again. */
  seen: Map<string, string>;
  polls: number;
  lastPollAt: Date | null;
  lastPoll: { status: 200 | 304; itemsSeen: number; ingested: number; failedItems: Array<{ key: string; reason: string }> } | null;
  /** Failed polls in a row; reset by a poll that succeeds. */
  failures: number;
  lastError: { at: Date; reason: string } | null;
  lastAttemptAt: Date | null;
}

export const evolveFeed = (state: FeedState | null, event: FeedEvent, at: Date): FeedState | null => {
  if (event.type === 'FeedSubscribed') {
    // Subscribing again after an unsubscription keeps what was seen: old items are not ingested again.
    return {
      feedId: event.data.feedId,
      url: event.data.url,
      intervalMinutes: event.data.intervalMinutes,
      active: true,
      subscribedAt: at,
      etag: null,
      lastModified: null,
      seen: state?.seen ?? new Map<string, string>(),
      polls: 0,
      lastPollAt: null,
      lastPoll: null,
      failures: 0,
      lastError: null,
      lastAttemptAt: null,
    };
  }
  if (!state) return null;
  switch (event.type) {
    case 'FeedPolled':
      for (const item of event.data.ingested) state.seen.set(item.key, item.articleId);
      return {
        ...state,
        etag: event.data.etag,
        lastModified: event.data.lastModified,
        polls: state.polls + 1,
        lastPollAt: at,
        lastAttemptAt: at,
        failures: 0,
        lastPoll: { status: event.data.status, itemsSeen: event.data.itemsSeen, ingested: event.data.ingested.length, failedItems: event.data.failedItems },
      };
    case 'FeedPollFailed':
      return { ...state, failures: state.failures + 1, lastError: { at, reason: event.data.reason }, lastAttemptAt: at };
    case 'FeedUnsubscribed':
      return { ...state, active: false };
  }
};

/** Longest wait between tries of a failing feed. */
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/**
 * When the feed is due: at once after subscribing, then every interval; after failures the
 * interval doubles per failure in a row (1, 2, 4... intervals, at most a day), so a dead feed is
 * not hammered and a flaky one recovers by itself.
 */
export const nextPollAt = (state: FeedState): Date | null => {
  if (!state.active) return null;
  if (!state.lastAttemptAt) return state.subscribedAt;
  const interval = state.intervalMinutes * 60_000;
  const wait = Math.min(interval * 2 ** Math.min(state.failures, 16), Math.max(MAX_BACKOFF_MS, interval));
  return new Date(state.lastAttemptAt.getTime() + wait);
};
