// A body as the set of its word 5-grams ("shingles"): republished copies share most of them, while
// two stories on one topic share only stock phrases. Case, punctuation and spacing are dropped, so
// a copy re-typeset with other quotes, dashes or line breaks is the same text.
import { fnv1a32, mix32 } from './hash32.js';

export const SHINGLE_WORDS = 5;
const SHINGLE_SEED = 0x9e3779b9;

/** The words of a text, lower-cased, letters and digits only (any script; apostrophes joined). */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The distinct hashes of a word list's shingles, in no particular order. Each word is hashed once
 * and a shingle's hash chains its words' hashes in order (joining the words into strings to hash
 * was most of a fingerprint's time).
 */
export const shingleHashes = (words: readonly string[], size = SHINGLE_WORDS): Uint32Array => {
  const wordHashes = Uint32Array.from(words, (w) => fnv1a32(w));
  const seen = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) {
    let h = SHINGLE_SEED;
    for (let k = 0; k < size; k++) h = mix32(h ^ wordHashes[i + k]);
    seen.add(h);
  }
  return Uint32Array.from(seen);
};
