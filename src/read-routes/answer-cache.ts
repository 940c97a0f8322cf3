// Answers of the read routes that return JSON text, kept as the bytes sent until a read model moves:
// between two batches every request for the same page gets the same answer. Keyed by the route and
// its parsed query and by the version of every read model (their checkpoints and swaps), so a kept
// answer is never older than the rows; bounded by bytes (lru-cache), never a copy of a read model.
import { LRUCache } from 'lru-cache';

/** `null` (nothing found: a 404) is kept too. */
type Answer = { body: Buffer | null };

const MAX_BYTES = 64 * 2 ** 20;

export class AnswerCache {
  private readonly kept: LRUCache<string, Answer>;

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
    const cacheKey = `${version} ${key}`;
    const hit = this.kept.get(cacheKey);
    if (hit) return hit.body;
    const text = compute();
    const answer = { body: text === null ? null : Buffer.from(text) };
    this.kept.set(cacheKey, answer);
    return answer.body;
  }

  get size(): number {
    return this.kept.size;
  }
}
