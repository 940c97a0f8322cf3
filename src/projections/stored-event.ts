import { decodeArticleEvent, isValidArticleEvent, type ArticleEvent } from '../domain/events/index.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { ProjectedEvent } from '../read-models/projection.js';

/**
 * Decodes a stored event for the stored read models; throws InvalidEventError naming stream and
 * revision. Unlike toProjected (projected-event.ts, for the in-memory read models) it shares no
 * strings: the rows are written and the event let go, so a pool would only grow with the log.
 */
export const toStoredEvent = (recorded: RecordedEvent): ProjectedEvent => {
  const event = isValidArticleEvent(recorded.type, recorded.data, recorded.metadata)
    ? ({ type: recorded.type, data: recorded.data } as ArticleEvent)
    : decodeArticleEvent(recorded);
  return { event, position: recorded.position, revision: recorded.revision, streamName: recorded.streamName, created: recorded.created };
};
