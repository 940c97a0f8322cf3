// When one article is a copy of another: the rule, apart from where the candidates come from.
//
// A body of at least MIN_WORDS words gets a fingerprint (MinHash signature and LSH band hashes).
// Among the indexed articles sharing a band hash, the most similar one whose estimated Jaccard
// similarity of 5-word shingles is at least COPY_THRESHOLD is the one copied; its story (its
// original, the earliest article of its group) becomes the new article's story.
//
// COPY_THRESHOLD = 0.5, from test/syndication/copy-rule.unit.spec.ts: wire copies republished
// with a new headline, a boilerplate paragraph, a few words changed and a paragraph dropped score
// 0.6 to 0.95; two different stories on one topic that share stock phrases ("told reporters",
// "the ministry said in a statement") score under 0.1. 0.5 sits between them with room on both
// sides, and at 0.5 banding still finds 87% of such pairs (lsh.ts); at 0.6 and above, 99%.
//
// Short bodies (under MIN_WORDS words: a breaking-news flash, a one-paragraph brief) are never
// grouped: they have too few shingles for the estimate to mean anything (a 30-word body has 26),
// and two different flashes ("X killed in blast in Y, police said") are often near-identical text
// about different events.
import { BANDS, bandHashes } from './lsh.js';
import { estimatedJaccard, minhashSignature } from './minhash.js';
import { shingleHashes, wordsOf } from './shingles.js';

export const MIN_WORDS = 40;
export const COPY_THRESHOLD = 0.5;
/**
 * Only a body's opening is fingerprinted: 16 000 characters, some 2 500 words, longer than nearly
 * any wire story. Ingest fingerprints on the event loop, and the whole of a 1 MB body took a second
 * on the bench machine; this bounds it to a few milliseconds. Two long bodies are copies when their
 * openings are.
 */
export const FINGERPRINT_CHARS = 16_000;

export interface BodyFingerprint {
  signature: Uint32Array;
  /** BANDS band hashes, band b at index b. */
  bands: Uint32Array;
}

/** The fingerprint of an article body; null when it is too short to be grouped. */
export const fingerprintOf = (body: string): BodyFingerprint | null => {
  const words = wordsOf(body.slice(0, FINGERPRINT_CHARS));
  if (words.length < MIN_WORDS) return null;
  const signature = minhashSignature(shingleHashes(words));
  return { signature, bands: bandHashes(signature) };
};

/** An article already in the index: its signature, and the story it belongs to. */
export interface IndexedArticle {
  articleId: string;
  /** Its original's id; its own id when it is an original. */
  storyId: string;
  signature: Uint32Array;
}

export interface CopyMatch {
  /** The story's original: what the new article is recorded as a copy of. */
  originalArticleId: string;
  /** The indexed article it is most alike (the original itself, or another copy of it). */
  matchedArticleId: string;
  /** Estimated Jaccard similarity to the matched article, a multiple of 1/128. */
  similarity: number;
}

/** The best match among candidates (earliest indexed first: ties go to the earliest), or null when none reaches the threshold. */
export const bestMatch = (fingerprint: BodyFingerprint, candidates: Iterable<IndexedArticle>): CopyMatch | null => {
  let best: CopyMatch | null = null;
  for (const c of candidates) {
    const similarity = estimatedJaccard(fingerprint.signature, c.signature);
    if (similarity >= COPY_THRESHOLD && (!best || similarity > best.similarity)) {
      best = { originalArticleId: c.storyId, matchedArticleId: c.articleId, similarity };
    }
  }
  return best;
};

export { BANDS };
