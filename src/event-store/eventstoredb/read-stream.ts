import { START, type EventStoreDBClient } from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.js';
import { armDeadline } from './deadline.js';
import { toPortError } from './errors.js';
import { isSystemEvent, toRecordedEvent } from './events.js';

export type ReadStream = (stream: string, options?: ReadStreamOptions) => Promise<RecordedEvent[]>;

export const readStream = (client: EventStoreDBClient): ReadStream => async (stream, options = {}) => {
  const events: RecordedEvent[] = [];
  const read = client.readStream(stream, {
    fromRevision: options.fromRevision ?? START,
    maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
  });
  const disarm = armDeadline(read, `reading ${stream}`);
  try {
    for await (const resolved of read) {
      // A user stream can hold server-written events too ($> links from projections); they are not ours to decode.
      if (resolved.event && !isSystemEvent(resolved.event)) events.push(toRecordedEvent(resolved));
    }
  } catch (error) {
    throw toPortError(error, { stream });
  } finally {
    disarm();
  }
  // A stream truncated past its end ($tb, $maxCount, $maxAge) reads as no events, not as not-found.
  return events;
};
