import { describe, expect, it } from '@jest/globals';
import { GC_ROWS, GC_SLICE_MS, nextGarbageRows } from '../../src/projections/garbage-slices.js';

describe('the size of garbage deletes', () => {
  it('shrinks after a slow delete and grows after a fast one, so each takes about a quarter of the slice', () => {
    // 2 000 rows in 140 ms (the million-event store): the next takes what fits in 2.5 ms.
    expect(nextGarbageRows(2000, 140)).toBe(36);
    expect(nextGarbageRows(100, 1)).toBe(250);
    expect(nextGarbageRows(100, GC_SLICE_MS / 4)).toBe(100);
  });

  it('keeps within its bounds: never a delete of nothing, never more than the old fixed size', () => {
    expect(nextGarbageRows(GC_ROWS.min, 1000)).toBe(GC_ROWS.min);
    expect(nextGarbageRows(GC_ROWS.max, 0)).toBe(GC_ROWS.max);
    expect(nextGarbageRows(500, 0.001)).toBe(GC_ROWS.max);
  });
});
