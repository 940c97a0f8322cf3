import { nextPollAt, type FeedState } from '../domain/feeds/feed-state.js';

/** A feed as GET /feeds and the CLI show it; `items` (key → article) only for one feed. */
export const feedResponse = (state: FeedState, withItems = false) => ({
  feedId: state.feedId,
  url: state.url,
  intervalMinutes: state.intervalMinutes,
  state: !state.active ? 'unsubscribed' : state.failures > 0 ? 'failing' : 'active',
  subscribedAt: state.subscribedAt.toISOString(),
  polls: state.polls,
  lastPollAt: state.lastPollAt?.toISOString() ?? null,
  lastPoll: state.lastPoll,
  failures: state.failures,
  lastError: state.lastError && { at: state.lastError.at.toISOString(), reason: state.lastError.reason },
  nextPollAt: nextPollAt(state)?.toISOString() ?? null,
  itemsIngested: state.seen.size,
  ...(withItems ? { items: [...state.seen].map(([key, articleId]) => ({ key, articleId })) } : {}),
});
