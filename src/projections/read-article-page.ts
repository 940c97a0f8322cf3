import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import { CorruptEventError, type EventStore, type RecordedEvent } from '../event-store/event-store.js';

/** An event no reader can decode, with where it is: reported and passed over, as the live read models do. */
export type Unreadable = CorruptEventError & { position: bigint };

const isUnreadable = (error: unknown): error is Unreadable => error instanceof CorruptEventError && error.position !== undefined;

/**
 * A page of the article streams after a position. A page holding an unreadable event is read again
 * one event at a time up to it, so the events before it are folded and it ends the page.
 */
export const readArticlePage = async (store: EventStore, after: bigint, maxCount: number): Promise<Array<RecordedEvent | Unreadable>> => {
  try {
    return await store.readAll({ after, maxCount, streamPrefix: ARTICLE_STREAM_PREFIX });
  } catch (error) {
    if (!isUnreadable(error)) throw error;
  }
  const page: Array<RecordedEvent | Unreadable> = [];
  let cursor = after;
  while (page.length < maxCount) {
    try {
      const [event] = await store.readAll({ after: cursor, maxCount: 1, streamPrefix: ARTICLE_STREAM_PREFIX });
      if (!event) break;
      page.push(event);
      cursor = event.position;
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      page.push(error);
      break;
    }
  }
  return page;
};
