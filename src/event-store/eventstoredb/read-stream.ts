import { START, type EventStoreDBClient } from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.js';
import { toPortError } from './errors.js';
import { isSystemEvent, toRecordedEvent } from './events.js';

export type ReadStream = (stream: string, options?: ReadStreamOptions) => Promise<RecordedEvent[]>;

export const readStream = (client: EventStoreDBClient): ReadStream => async (stream, options = {}) => {
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(stream, {
      fromRevision: options.fromRevision ?? START,
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    })) {
      // A user stream can hold server-written events too ($> links from projections); they are not ours to decode.
      if (resolved.event && !isSystemEvent(resolved.event)) events.push(toRecordedEvent(resolved));
    }
  } catch (error) {
    throw toPortError(error, { stream });
  }
  return events;
};
