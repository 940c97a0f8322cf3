import { randomUUID } from 'node:crypto';
import {
  jsonEvent,
  type EventData, type JSONType, type RecordedEvent as EsdbRecordedEvent, type ResolvedEvent,
} from '@eventstore/db-client';
import { CorruptEventError, type EventToAppend, type RecordedEvent } from '../event-store.js';
import { fromEsdbPosition } from './position.js';

/**
 * Always JSON, and metadata is never left out: the client drops falsy metadata, and what is
 * absent would read back as undefined while the other adapters give {}.
 */
export const toEventData = (event: EventToAppend): EventData =>
  jsonEvent({
    id: event.id ?? randomUUID(),
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata ?? {},
  });

/** System streams ($stats-…, $$metadata, $settings…) and system event types ($>, $metadata…) are the server's own. */
export const isSystemEvent = (event: Pick<EsdbRecordedEvent, 'streamId' | 'type'>): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$');

/**
 * A read event as the port's RecordedEvent. The position comes from the event itself (servers from
 * 22.6 send it on stream reads too) or else from the resolved event's commit position.
 */
export const toRecordedEvent = (resolved: ResolvedEvent): RecordedEvent => {
  const event = resolved.event;
  if (!event) throw new Error('EventStoreDB returned a resolved event without an event');
  const position = event.position ? fromEsdbPosition(event.position) : resolved.commitPosition;
  if (!event.isJson) {
    throw new CorruptEventError(event.streamId, event.revision, 'data is not JSON (content type application/octet-stream)', position);
  }
  if (event.metadata instanceof Uint8Array) {
    throw new CorruptEventError(event.streamId, event.revision, 'metadata is not JSON', position);
  }
  if (position === undefined) {
    throw new Error(`EventStoreDB sent no position for ${event.streamId}@${event.revision} (a server older than 22.6?)`);
  }
  return {
    id: event.id,
    streamName: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data,
    metadata: event.metadata ?? {},
    created: event.created,
  };
};
