// Locality-sensitive hashing by banding: the signature is cut into BANDS bands of ROWS positions,
// and each band hashed. Two articles become candidates when any band hash is equal, which for
// Jaccard similarity s happens with probability 1 - (1 - s^ROWS)^BANDS: 0.99 at s = 0.6, 0.87 at
// 0.5, 0.23 at 0.3, 0.05 at 0.2. A new article is compared only with the articles sharing one of
// its band hashes, never with all of them.
import { mix32 } from './hash32.js';
import { SIGNATURE_SIZE } from './minhash.js';

export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;

/** One 32-bit hash per band, band b at index b. */
export const bandHashes = (signature: Uint32Array): Uint32Array => {
  const out = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    // Chained, so the same values in another band or another order hash differently.
    let h = mix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ signature[b * ROWS + r]);
    out[b] = h;
  }
  return out;
};
