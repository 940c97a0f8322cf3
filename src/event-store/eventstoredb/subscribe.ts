import {
  excludeSystemEvents, streamNameFilter,
  type AllStreamResolvedEvent, type EventStoreDBClient,
} from '@eventstore/db-client';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.js';
import { toPortError } from './errors.js';
import { isSystemEvent, toRecordedEvent } from './events.js';
import { toReadPosition } from './position.js';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A catch-up subscription to $all: the server starts after the checkpoint (its fromPosition is
 * exclusive, like ours), sends the stored events, then live ones. The filter runs on the server:
 * the stream-name prefix when one is given, else "no $-typed events"; system streams are dropped here.
 */
export const subscribe = (
  client: EventStoreDBClient,
  options: SubscribeOptions = {},
  /** Called once, when the subscription is closed: by close(), or by a for-await loop that breaks out. */
  onClose: () => void = () => undefined,
): Subscription => {
  const source = client.subscribeToAll({
    fromPosition: toReadPosition(options.fromPosition),
    filter: options.streamPrefix ? streamNameFilter({ prefixes: [options.streamPrefix] }) : excludeSystemEvents(),
  });
  const inner = source[Symbol.asyncIterator]();

  let closed = false;
  let signalClosed!: () => void;
  // close() must end a next() that is waiting for a live event, whatever the gRPC stream does after cancel.
  const whenClosed = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    signalClosed = () => resolve(DONE);
  });

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    signalClosed();
    onClose();
    // Cancelling is best effort: the stream may never have connected. Closing the store disposes the client anyway.
    await source.unsubscribe().catch(() => undefined);
    source.destroy();
  };

  const iterator: AsyncIterator<RecordedEvent> = {
    async next(): Promise<IteratorResult<RecordedEvent>> {
      while (!closed) {
        let result: IteratorResult<AllStreamResolvedEvent>;
        try {
          result = await Promise.race([inner.next(), whenClosed]);
        } catch (error) {
          // A dropped connection (UnavailableError, CancelledError): the client does not resubscribe, the caller must.
          throw toPortError(error);
        }
        if (result.done || closed) return DONE;
        const resolved = result.value;
        // A CorruptEventError names the event's position, so the caller can report it and go on after it.
        if (resolved.event && !isSystemEvent(resolved.event)) return { done: false, value: toRecordedEvent(resolved) };
      }
      return DONE;
    },
    async return(): Promise<IteratorResult<RecordedEvent>> {
      await close();
      return DONE;
    },
  };

  return { [Symbol.asyncIterator]: () => iterator, close };
};
