// Fast, deterministic 32-bit hashes: signatures are stored and compared across restarts and
// machines, so nothing here may depend on a random seed or the process.

/** FNV-1a over a string's UTF-16 code units, as an unsigned 32-bit integer. */
export const fnv1a32 = (text: string, seed = 0x811c9dc5): number => {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** MurmurHash3's finaliser: every input bit flips each output bit with probability ~1/2. */
export const mix32 = (x: number): number => {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};
