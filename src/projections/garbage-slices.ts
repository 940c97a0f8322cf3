// How many rows each delete of the idle-time garbage collection takes. A delete's cost is its rows'
// pages, read from wherever they are: at a million events a delete of 2 000 rows took 140 ms (its
// pages read from disk), and the 10 ms slices it was meant to keep to became 300 ms blocks, one
// every tick, for as long as a rebuild's old generation lasted (`/health` at 10 requests a second,
// p99 5-7 s). So the size follows what the last delete took: about a quarter of the slice each.

/** Garbage collection takes at most about this per tick, in deletes sized by nextGarbageRows. */
export const GC_SLICE_MS = 10;
export const GC_ROWS = { initial: 100, min: 10, max: 2000 } as const;

/** The rows the next delete takes, given that `rows` took `ms`. */
export const nextGarbageRows = (rows: number, ms: number): number => {
  const scaled = Math.round((rows * (GC_SLICE_MS / 4)) / Math.max(ms, 0.01));
  return Math.min(GC_ROWS.max, Math.max(GC_ROWS.min, scaled));
};
