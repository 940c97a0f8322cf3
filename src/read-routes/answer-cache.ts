// Answers of the read routes that return JSON text, kept as the bytes sent until a read model moves:
// between two batches every request for the same page gets the same answer. Kept for the version of
// every read model (their checkpoints and swaps), so a kept answer is never older than the rows, and
// keyed by the route and its parsed query; bounded by bytes (lru-cache), never a copy of a read model.
import { LRUCache } from 'lru-cache';

/** `null` (nothing found: a 404) is kept too. */
type Answer = { body: Buffer | null };

// Answers live one version, a batch apart under writes (an article every 200 ms moves it), so the
// cap is what a burst of distinct queries between two batches may take: part of the service's
// resident-memory budget (README, Bounded memory).
const MAX_BYTES = 32 * 2 ** 20;

export class AnswerCache {
  private readonly kept: LRUCache<string, Answer>;
  /** The version the kept answers were computed at. */
  private version = '';

  constructor(maxBytes = MAX_BYTES) {
    this.kept = new LRUCache<string, Answer>({
      maxSize: maxBytes,
      // An answer bigger than a quarter of the cache is sent, not kept.
      maxEntrySize: maxBytes / 4,
      sizeCalculation: (answer, key) => (answer.body?.length ?? 0) + key.length + 64,
    });
  }

  /** The kept body for `key` at `version`, or `compute()`'s JSON text encoded once and kept. */
  get(key: string, version: string, compute: () => string | null): Buffer | null {
    // Versions only move on (checkpoints advance, swaps count up): answers of an older one are never
    // asked for again, and kept until evicted they held the whole cap under a steady write load.
    if (version !== this.version) {
      this.kept.clear();
      this.version = version;
    }
    const hit = this.kept.get(key);
    if (hit) return hit.body;
    const text = compute();
    const answer = { body: text === null ? null : Buffer.from(text) };
    this.kept.set(key, answer);
    return answer.body;
  }

  /** Answers kept. */
  get size(): number {
    return this.kept.size;
  }

  /** Bytes the kept answers count for (bodies, keys and a fixed overhead each). */
  get bytes(): number {
    return this.kept.calculatedSize;
  }
}
