// Reading and writing feed streams. Feed events live outside the article streams (`feed-` prefix),
// so the article read models never see them; they are checked when read back all the same.
import { createHash } from 'node:crypto';
import type { CommandContext } from '../domain/events/index.js';
import { SCHEMA_VERSION } from '../domain/events/metadata.js';
import { FEED_EVENT_TYPES, FEED_STREAM_PREFIX, feedStream, type FeedEvent } from '../domain/feeds/feed-events.js';
import { evolveFeed, type FeedState } from '../domain/feeds/feed-state.js';
import { StreamNotFoundError, type EventStore, type ExpectedRevision, type RecordedEvent } from '../event-store/event-store.js';

export interface LoadedFeed {
  state: FeedState;
  revision: bigint;
}

const decode = (e: RecordedEvent): FeedEvent => {
  const data = e.data as { feedId?: unknown } | null;
  if (!(FEED_EVENT_TYPES as readonly string[]).includes(e.type) || typeof data?.feedId !== 'string') {
    throw new Error(`event ${e.streamName}@${e.revision} (${e.type}) is not a feed event this reader knows`);
  }
  return { type: e.type, data } as FeedEvent;
};

const fold = (events: RecordedEvent[]): FeedState | null => events.reduce<FeedState | null>((s, e) => evolveFeed(s, decode(e), e.created), null);

export const loadFeed = async (store: EventStore, feedId: string): Promise<LoadedFeed | null> => {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(feedStream(feedId));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
  const state = fold(events);
  return state && { state, revision: events[events.length - 1].revision };
};

/** Every feed, in the order subscribed. Feeds are few (an analyst's outlets), so one pass over their streams. */
export const listFeeds = async (store: EventStore): Promise<FeedState[]> => {
  const byStream = new Map<string, RecordedEvent[]>();
  const page = 1000;
  for (let after: bigint | undefined; ;) {
    const events = await store.readAll({ ...(after === undefined ? {} : { after }), maxCount: page, streamPrefix: FEED_STREAM_PREFIX });
    for (const e of events) byStream.set(e.streamName, [...(byStream.get(e.streamName) ?? []), e]);
    if (events.length < page) break;
    after = events[events.length - 1].position;
  }
  return [...byStream.values()].map(fold).filter((s): s is FeedState => s !== null);
};

/** Event ids from stream, revision and type: a retried append is recognised as the same write. */
const eventId = (stream: string, revision: bigint, type: string): string => {
  const hex = createHash('sha256').update(`${stream}|${revision}|${type}`, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** `revision`: the stream's current revision (the expected one), or 'none' for a new feed. */
export const appendFeedEvent = async (store: EventStore, event: FeedEvent, revision: bigint | 'none', context: CommandContext) => {
  const stream = feedStream(event.data.feedId);
  const next = revision === 'none' ? 0n : revision + 1n;
  const expected: ExpectedRevision = revision === 'none' ? 'no_stream' : revision;
  return store.append(
    stream,
    [{ id: eventId(stream, next, event.type), type: event.type, data: event.data, metadata: { schemaVersion: SCHEMA_VERSION, ...context } }],
    expected,
  );
};
