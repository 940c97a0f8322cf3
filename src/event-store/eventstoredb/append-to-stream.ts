import { BACKWARDS, END, type EventStoreDBClient } from '@eventstore/db-client';
import {
  appendBytes, AppendTooLargeError, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError,
  type AppendResult, type EventToAppend, type ExpectedRevision, type StreamRevision,
} from '../event-store.js';
import { toPortError } from './errors.js';
import { toEventData } from './events.js';
import { fromEsdbPosition, toEsdbExpectedRevision } from './position.js';

export type AppendToStream = (stream: string, events: EventToAppend[], expected: ExpectedRevision) => Promise<AppendResult>;

export const appendToStream = (client: EventStoreDBClient, maxAppendBytes: number): AppendToStream => async (stream, events, expected) => {
  // The server answers an empty append without a position; the port has nothing sensible to return for it.
  if (events.length === 0) throw new RangeError('append needs at least one event');
  // Refused here with the size, before the round trip; the server's MaxAppendSizeExceededError maps to the same error.
  const bytes = appendBytes(events);
  if (bytes > maxAppendBytes) throw new AppendTooLargeError(stream, maxAppendBytes, bytes);
  let result;
  try {
    result = await client.appendToStream(stream, events.map(toEventData), {
      expectedRevision: toEsdbExpectedRevision(expected),
    });
  } catch (error) {
    throw toPortError(error, { stream, expected });
  }
  if (!result.success) {
    // Only with throwOnAppendFailure=false in the connection string. The client's batch-append path then
    // reports the current revision wrongly (BigInt of a boolean), so ask the stream itself.
    throw new WrongExpectedVersionError(stream, expected, await currentRevision(client, stream));
  }
  if (!result.position) throw new Error(`EventStoreDB reported no position for the append to ${stream}`);
  // The append reply carries the commit position of the last event written (see position.ts).
  return { nextExpectedRevision: result.nextExpectedRevision, position: fromEsdbPosition(result.position) };
};

const currentRevision = async (client: EventStoreDBClient, stream: string): Promise<StreamRevision | typeof NO_STREAM> => {
  try {
    for await (const resolved of client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
      if (resolved.event) return resolved.event.revision;
    }
    return NO_STREAM;
  } catch (error) {
    const mapped = toPortError(error, { stream });
    if (mapped instanceof StreamNotFoundError) return NO_STREAM;
    throw mapped;
  }
};
