import { describe, expect, it } from '@jest/globals';
import { TransactionSize } from '../../src/projections/stored-batches.js';

describe('TransactionSize', () => {
  it('starts with a few events, so the first apply of a burst of heavy events is short', () => {
    expect(new TransactionSize().events).toBeLessThanOrEqual(8);
  });

  it('cuts the size to what fits the target when an apply took too long', () => {
    const size = new TransactionSize();
    size.events = 400;
    // 400 events in 200 ms: 0.5 ms an event, so 16 fit in the 8 ms target.
    size.fit(200, 400);
    expect(size.events).toBe(16);
    size.fit(1000, 16);
    expect(size.events).toBe(2);
  });

  it('doubles while full applies are quick, up to 500, and keeps its size for short ones', () => {
    const size = new TransactionSize();
    const start = size.events;
    size.fit(1, start);
    expect(size.events).toBe(start * 2);
    size.fit(1, 1);
    expect(size.events).toBe(start * 2);
    for (let i = 0; i < 20; i++) size.fit(1, size.events);
    expect(size.events).toBe(500);
  });
});
