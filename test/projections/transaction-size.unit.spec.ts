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

  it('fits another target when given one (the write worker takes 32 ms)', () => {
    const size = new TransactionSize(32);
    size.events = 400;
    // 20 ms is over the event loop's 8 ms target twice over, well within 32: kept.
    size.fit(20, 400);
    expect(size.events).toBe(400);
    // 400 events in 200 ms: 64 fit in 32 ms.
    size.fit(200, 400);
    expect(size.events).toBe(64);
    // 12 ms is under half of 32: a full apply that quick doubles.
    size.fit(12, 64);
    expect(size.events).toBe(128);
  });
});
