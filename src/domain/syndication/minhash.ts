// MinHash (Broder, 1997): for each of SIGNATURE_SIZE hash functions, the least hash over a set's
// members. Two sets agree at a position with probability equal to their Jaccard similarity, so the
// share of agreeing positions estimates it (standard error about 0.04 at 128 positions).
// Implemented here rather than taken from npm: `minhash` (0.0.9) is unmaintained, and
// bloom-filters' MinHash draws its hash functions at random per process, while these signatures
// are persisted (src/syndication/) and must be the same after every restart.
import { mix32 } from './hash32.js';

export const SIGNATURE_SIZE = 128;

/** The i-th hash function is mix32(x ^ SEEDS[i]): fixed, spread-out seeds (the golden-ratio sequence). */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9)));

/** The signature of a set of 32-bit members (shingle hashes); all 0xffffffff for an empty set. */
export const minhashSignature = (members: Uint32Array): Uint32Array => {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let m = 0; m < members.length; m++) {
    const x = members[m];
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      // mix32(x ^ SEEDS[i]), written out: this loop is most of a fingerprint's time.
      let h = x ^ SEEDS[i];
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
};

/** The share of positions where two signatures agree: the estimated Jaccard similarity of their sets. */
export const estimatedJaccard = (a: Uint32Array, b: Uint32Array): number => {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
};
