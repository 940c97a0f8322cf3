// Answers of the busiest read routes kept as the bytes sent, until a view they read moves: between
// two events every request for the same page gets the same answer, and joining, flattening and
// encoding a 50-100 KB body per request cost more than the page itself (profile of the queries
// bench). Keyed by the route and its parsed query, and checked against the identity of each state
// read (a rebuild swaps states in) and the checkpoint of each view (any applied event moves it), so
// a kept answer is never older than the views.

export interface ViewVersions {
  /** The states the answer was computed from, in the query's view order. */
  states: unknown[];
  checkpoints: bigint[];
}

interface Kept extends ViewVersions {
  body: Buffer | null;
}

const sameVersions = (a: ViewVersions, b: ViewVersions): boolean =>
  a.states.length === b.states.length && a.states.every((s, i) => s === b.states[i] && a.checkpoints[i] === b.checkpoints[i]);

export class BodyCache {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  /** Bounded by entries and by bytes; the least recently used goes first. */
  constructor(private readonly maxEntries = 512, private readonly maxBytes = 64 * 2 ** 20) {}

  /**
   * The kept body for `key` at these versions, or `compute()`'s JSON text encoded once and kept.
   * `null` (nothing found: a 404) is kept too.
   */
  get(key: string, versions: ViewVersions, compute: () => string | null): Buffer | null {
    const hit = this.kept.get(key);
    if (hit) {
      this.drop(key, hit);
      if (sameVersions(hit, versions)) {
        this.keep(key, hit);
        return hit.body;
      }
    }
    const text = compute();
    const entry: Kept = { ...versions, body: text === null ? null : Buffer.from(text) };
    if ((entry.body?.length ?? 0) <= this.maxBytes / 4) this.keep(key, entry);
    return entry.body;
  }

  get size(): number {
    return this.kept.size;
  }

  private keep(key: string, entry: Kept): void {
    this.kept.set(key, entry);
    this.bytes += entry.body?.length ?? 0;
    for (const [oldest, e] of this.kept) {
      if (this.kept.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(oldest, e);
    }
  }

  private drop(key: string, entry: Kept): void {
    this.kept.delete(key);
    this.bytes -= entry.body?.length ?? 0;
  }
}
