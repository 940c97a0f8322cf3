import { CorruptEventError, type ReadAllOptions, type RecordedEvent, type SubscribeOptions, type Subscription } from '../event-store.js';
import type { ReadAll } from './read-all.js';

export interface AppendSignal {
  /** Counts appends in this process. */
  readonly version: number;
  /**
   * Resolves on the next append in this process, or after `ms` (appends by other processes are
   * found by polling); at once if an append happened since `seen`, so none is missed between a
   * read and the wait.
   */
  wait(ms: number, seen: number): Promise<void>;
  /** Wakes every waiter. */
  notify(): void;
}

export const appendSignal = (): AppendSignal => {
  let waiters: Array<() => void> = [];
  let version = 0;
  return {
    get version() {
      return version;
    },
    wait: (ms, seen) =>
      version !== seen ? Promise.resolve() : new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== done);
          resolve();
        }
        waiters.push(done);
      }),
    notify: () => {
      version++;
      for (const w of [...waiters]) w();
    },
  };
};

const BATCH = 1000;

/**
 * A page of the log; when it holds a corrupt row, the events before that row one by one, so they
 * are delivered and the row's CorruptEventError comes when it is next (as on EventStoreDB).
 */
const readDelivering = (readAll: ReadAll, options: ReadAllOptions): RecordedEvent[] => {
  try {
    return readAll(options);
  } catch (error) {
    if (!(error instanceof CorruptEventError)) throw error;
    return readAll({ ...options, maxCount: 1 });
  }
};

/** Catch-up then live: page through the log after the checkpoint; at the head, wait for an append or a poll tick. */
export const subscribe = (
  readAll: ReadAll,
  signal: AppendSignal,
  options: SubscribeOptions & { pollMs?: number },
): Subscription => {
  let closed = false;
  let after = options.fromPosition ?? -1n;
  const pollMs = options.pollMs ?? 250;

  async function* events(): AsyncGenerator<RecordedEvent> {
    while (!closed) {
      const seen = signal.version;
      const batch = readDelivering(readAll, { after, maxCount: BATCH, streamPrefix: options.streamPrefix });
      for (const event of batch) {
        if (closed) return;
        after = event.position;
        yield event;
      }
      if (batch.length < BATCH) await signal.wait(pollMs, seen);
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      signal.notify();
    },
  };
};
