import { describe, expect, it } from '@jest/globals';
import { liveStatus } from '../../src/live/live-status.js';
import type { ViewStatus } from '../../src/projections/projection-runner.js';

const view = (name: string, checkpoint: bigint, rebuilding: ViewStatus['rebuilding'] = null): ViewStatus =>
  ({ name, checkpoint, processed: 0, lastRebuild: null, rebuilding });

describe('the live status sent to the desk', () => {
  it('measures lag from the slowest view and lists rebuilds with their progress', () => {
    const status = liveStatus(120n, [view('claims', 120n), view('parties', 100n, { processed: 40, target: 119n, startedAt: '2025-01-01T00:00:00.000Z' })]);
    expect(status).toEqual({ head: '120', lag: '20', rebuilding: [{ name: 'parties', processed: 40, target: '119', startedAt: '2025-01-01T00:00:00.000Z' }] });
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  it('has no lag on an empty store or when every view has caught up', () => {
    expect(liveStatus(-1n, [view('claims', -1n)])).toEqual({ head: '-1', lag: '0', rebuilding: [] });
    expect(liveStatus(7n, [view('claims', 7n), view('parties', 7n)]).lag).toBe('0');
  });
});
