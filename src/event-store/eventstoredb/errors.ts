import {
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { StreamNotFoundError, WrongExpectedVersionError, type ExpectedRevision } from '../event-store.js';
import { fromEsdbCurrentRevision, fromEsdbExpectedRevision } from './position.js';

export interface ErrorContext {
  /** The stream the failed call was about: the name we asked for beats the one decoded from the reply. */
  stream?: string;
  /** The expected revision we sent, which beats the server's numeric echo of it. */
  expected?: ExpectedRevision;
}

/** The client's concurrency and not-found errors become the port's; anything else is returned unchanged. */
export const toPortError = (error: unknown, context: ErrorContext = {}): unknown => {
  if (error instanceof EsdbWrongExpectedVersionError) {
    return new WrongExpectedVersionError(
      context.stream ?? error.streamName,
      context.expected ?? fromEsdbExpectedRevision(error.expectedVersion),
      fromEsdbCurrentRevision(error.actualVersion),
    );
  }
  if (error instanceof EsdbStreamNotFoundError) {
    return new StreamNotFoundError(context.stream ?? error.streamName);
  }
  return error;
};
