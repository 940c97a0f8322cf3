import { decodeArticleEvent } from '../domain/events/index.js';
import type { RecordedEvent } from '../event-store/event-store.js';
import type { ProjectedEvent } from '../read-models/projection.js';

/** Decodes a stored event for the reducers; throws InvalidEventError naming stream and revision. */
export const toProjected = (recorded: RecordedEvent): ProjectedEvent => ({
  event: decodeArticleEvent(recorded),
  position: recorded.position,
  revision: recorded.revision,
  streamName: recorded.streamName,
  created: recorded.created,
});
