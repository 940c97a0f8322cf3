// asOf=<time> and asOf=events:N become a position through the stored timeline. The reference is the
// replay as the in-memory runner folded it: take events while the count is under N, or while each
// was created by T (stopping at the first created later, even if the clock stepped back after it).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ProjectedEvent } from '../../src/read-models/projection.js';
import { timelineReadModel } from '../../src/read-models/timeline/timeline.stored.js';
import { positionOf, type AsOf } from '../../src/read-models/timeline/timeline.stored-queries.js';
import { storeOf } from '../support/stored-read-models.js';
import { build, step } from './random-history.js';

/** The position a replay stopping as the reference runner did reaches (-1: none taken). */
const replayedUpTo = (events: readonly ProjectedEvent[], asOf: AsOf): bigint => {
  let taken = 0;
  let reached = -1n;
  for (const e of events) {
    const keep = 'position' in asOf ? e.position <= asOf.position : 'time' in asOf ? e.created <= asOf.time : taken++ < asOf.events;
    if (!keep) break;
    reached = e.position;
  }
  return reached;
};

const T0 = Date.parse('2031-03-01T08:00:00Z');

/** A random history at sparse positions, recorded by a clock that sometimes steps back. */
const history = fc
  .tuple(
    fc.array(step, { minLength: 1, maxLength: 40 }),
    fc.array(fc.integer({ min: -3, max: 5 }), { minLength: 200, maxLength: 200 }),
    fc.integer({ min: 1, max: 7 }),
  )
  .map(([steps, clock, gap]) => {
    let ms = T0;
    return build(steps).events.map((e, i) => ({ ...e, position: BigInt(i * gap + 3), created: new Date((ms += clock[i] * 1000)) }));
  });

describe('timeline', () => {
  it('maps a time and a count of events to the position a replay stopping there reaches, live and for every answer', () => {
    let nontrivial = 0;
    fc.assert(
      fc.property(
        history,
        fc.array(fc.tuple(fc.integer({ min: -5, max: 120 }), fc.integer({ min: -5, max: 40 })), { minLength: 1, maxLength: 8 }),
        (events, asks) => {
          const store = storeOf([timelineReadModel], events, 4);
          const reader = store.reader();
          for (const [n, seconds] of asks) {
            const time = { time: new Date(T0 + seconds * 1000) };
            const count = { events: Math.max(0, n) };
            expect(positionOf(reader, time)).toBe(replayedUpTo(events, time));
            expect(positionOf(reader, count)).toBe(replayedUpTo(events, count));
            const reached = replayedUpTo(events, time);
            if (reached !== -1n && reached !== events.at(-1)!.position) nontrivial++;
          }
          store.close();
        },
      ),
      { numRuns: 150 },
    );
    // Times that fall inside the log (neither before it nor after its end), clock steps back included.
    expect(nontrivial).toBeGreaterThan(50);
  });

  it('given no events, every asOf is before any event', () => {
    const store = storeOf([timelineReadModel], []);
    expect(positionOf(store.reader(), { events: 3 })).toBe(-1n);
    expect(positionOf(store.reader(), { time: new Date() })).toBe(-1n);
    expect(positionOf(store.reader(), { position: 7n })).toBe(7n);
    store.close();
  });
});
