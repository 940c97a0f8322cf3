import { describe, expect, it } from '@jest/globals';
import { liveStatus } from '../../src/live/live-status.js';
import type { LogProgress } from '../../src/projections/log-progress.js';
import type { ReadModelStatus } from '../../src/projections/read-model-status.js';

const view = (
  name: string,
  checkpoint: bigint,
  events: number,
  rebuilding: ReadModelStatus['rebuilding'] = null,
  outdated: ReadModelStatus['outdated'] = null,
): ReadModelStatus => ({ name, version: 1, checkpoint, events, processed: 0, lastRebuild: null, rebuilding, outdated });

const progress = (head: bigint, events: number, behind: number): LogProgress => ({
  head,
  events,
  behind: new Map(),
  slowest: { events: behind, atLeast: false },
});

describe('the live status sent to the desk', () => {
  it('gives counts of events (in the log, behind, replayed of how many) and the head only as a cursor', () => {
    // Sparse positions as on EventStoreDB: the head's number says nothing about how many events there are.
    const rebuilding = { processed: 40, target: 11_651n, targetEvents: 120, startedAt: '2025-01-01T00:00:00.000Z' };
    const status = liveStatus(progress(11_651n, 120, 20), [view('claims', 11_651n, 120), view('parties', 9_713n, 100, rebuilding)], 'following');
    expect(status).toEqual({
      head: '11651',
      events: 120,
      behind: 20,
      behindAtLeast: false,
      following: 'following',
      rebuilding: [{ name: 'parties', reason: 'asked', processed: 40, events: 120, startedAt: '2025-01-01T00:00:00.000Z' }],
    });
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  it('lists a read model whose snapshot was of another version as rebuilding for that reason, before its replay has begun', () => {
    const status = liveStatus(progress(5n, 5, 0), [view('claims', 5n, 5), view('conflicts', 5n, 5, null, { savedVersion: 1 })], 'following');
    expect(status.rebuilding).toEqual([{ name: 'conflicts', reason: 'version', processed: 0, events: 0, startedAt: null }]);
  });

  it('says when the read models do not follow the log', () => {
    expect(liveStatus(progress(-1n, 0, 0), [view('claims', -1n, 0)], 'reconnecting')).toMatchObject({ events: 0, behind: 0, following: 'reconnecting' });
  });
});
