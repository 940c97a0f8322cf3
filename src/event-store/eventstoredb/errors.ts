import {
  CancelledError as EsdbCancelledError,
  DeadlineExceededError as EsdbDeadlineExceededError,
  MaxAppendSizeExceededError as EsdbMaxAppendSizeExceededError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError as EsdbTimeoutError,
  UnavailableError as EsdbUnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendTooLargeError, StoreUnavailableError, StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError,
  type ExpectedRevision,
} from '../event-store.js';
import { fromEsdbCurrentRevision, fromEsdbExpectedRevision } from './position.js';

export interface ErrorContext {
  /** The stream the failed call was about: the name we asked for beats the one decoded from the reply. */
  stream?: string;
  /** The expected revision we sent, which beats the server's numeric echo of it. */
  expected?: ExpectedRevision;
}

/** The client's errors that mean "the server did not answer in time, or at all": worth a retry. */
const UNAVAILABLE = [EsdbUnavailableError, EsdbDeadlineExceededError, EsdbTimeoutError, EsdbCancelledError];

/** The client's errors become the port's; anything else is returned unchanged. */
export const toPortError = (error: unknown, context: ErrorContext = {}): unknown => {
  if (error instanceof EsdbWrongExpectedVersionError) {
    return new WrongExpectedVersionError(
      context.stream ?? error.streamName,
      context.expected ?? fromEsdbExpectedRevision(error.expectedVersion),
      fromEsdbCurrentRevision(error.actualVersion),
    );
  }
  if (error instanceof EsdbStreamNotFoundError) return new StreamNotFoundError(context.stream ?? error.streamName);
  if (error instanceof EsdbStreamDeletedError) return new StreamDeletedError(context.stream ?? error.streamName);
  if (error instanceof EsdbMaxAppendSizeExceededError) return new AppendTooLargeError(context.stream ?? '?', error.maxAppendSize);
  if (UNAVAILABLE.some((type) => error instanceof type)) {
    return new StoreUnavailableError(`EventStoreDB did not answer: ${(error as Error).message}`, error);
  }
  return error;
};
