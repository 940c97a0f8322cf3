import type { RecordedEvent, Subscription } from '../event-store.js';

interface Open {
  failure: Error | null;
  ended: boolean;
}

/** The in-memory store's live subscriptions: woken on every append, and failed or ended on purpose. */
export class InMemorySubscriptions {
  private readonly active = new Set<Open>();
  private waiters: Array<() => void> = [];

  /**
   * `start` gives the index of the first event to deliver (it may throw: a bad checkpoint fails the
   * first next(), as on EventStoreDB); `read` gives the event at an index, or null to skip it.
   */
  open(start: () => number, length: () => number, read: (index: number) => RecordedEvent | null): Subscription {
    const state: Open = { failure: null, ended: false };
    this.active.add(state);
    const wakeup = () => new Promise<void>((resolve) => this.waiters.push(resolve));
    const forget = () => this.active.delete(state);

    async function* events(): AsyncGenerator<RecordedEvent> {
      try {
        let next = start();
        for (;;) {
          if (state.failure) throw state.failure;
          if (state.ended) return;
          if (next < length()) {
            const event = read(next++);
            if (event) yield event;
          } else {
            await wakeup();
          }
        }
      } finally {
        forget();
      }
    }

    const iterator = events();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        state.ended = true;
        forget();
        // A reader parked on a wake-up sees `ended` and ends.
        this.wake();
      },
    };
  }

  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  fail(error: Error): void {
    for (const state of this.active) state.failure = error;
    this.active.clear();
    this.wake();
  }

  end(): void {
    for (const state of this.active) state.ended = true;
    this.active.clear();
    this.wake();
  }
}
