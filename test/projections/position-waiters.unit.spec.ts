// Read-your-writes waiting, shared by both runners; the stored runner also asks it whether a
// caller waits for what it has applied, to commit that at once instead of at the next timed commit.
import { describe, expect, it } from '@jest/globals';
import { PositionWaiters } from '../../src/projections/position-waiters.js';

describe('position waiters', () => {
  it('wake the callers whose position is reached, keep the others, and say whether one waits for a reached position', async () => {
    const waiters = new PositionWaiters();
    expect(await waiters.wait(5n, 7n, 1_000)).toBe(true);
    const early = waiters.wait(10n, 0n, 10_000);
    const late = waiters.wait(20n, 0n, 50);
    expect(waiters.waitsFor(9n)).toBe(false);
    expect(waiters.waitsFor(10n)).toBe(true);
    waiters.wake(15n);
    expect(await early).toBe(true);
    expect(waiters.waitsFor(19n)).toBe(false);
    expect(await late).toBe(false);
    expect(waiters.waitsFor(100n)).toBe(false);
  });
});
