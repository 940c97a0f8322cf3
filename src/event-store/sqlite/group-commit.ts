import type { AppendResult, EventToAppend, ExpectedRevision } from '../event-store.js';
import type { AppendOutcome, PendingAppend } from './append-to-stream.js';

/** Bounds one transaction, so one huge burst does not hold the write lock for long. */
const MAX_APPENDS_PER_COMMIT = 256;

interface Waiting extends PendingAppend {
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: appends requested in the same turn of the event loop (concurrent requests, or a
 * batch of articles ingested together) are written in one transaction and acknowledged after its
 * commit. With synchronous = FULL the fsync per commit is most of an append's cost, so this is
 * where throughput comes from; durability and per-append atomicity are unchanged.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly write: (items: PendingAppend[]) => AppendOutcome[],
    private readonly committed: () => void,
  ) {}

  append(stream: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: callers reach their append after a few awaits each.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now (before the store closes). */
  drain(): void {
    while (this.queue.length) this.flush();
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.queue.splice(0, MAX_APPENDS_PER_COMMIT);
    if (!items.length) return;
    if (this.queue.length) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.write(items);
    } catch (error) {
      // The transaction itself failed (write lock not obtained, disk error): nothing was written.
      for (const item of items) item.reject(error);
      return;
    }
    this.committed();
    outcomes.forEach((o, i) => (o.ok ? items[i].resolve(o.result) : items[i].reject(o.error)));
  }
}
