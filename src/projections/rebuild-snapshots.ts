// Rebuilds views from position 0 straight into the snapshot file, for the `replay` command: no
// live runner, no HTTP. A service started afterwards resumes from the rebuilt checkpoints.
import { storeIdentity, type EventStore } from '../event-store/event-store.js';
import type { Projection } from '../read-models/projection.js';
import { replay } from './replay.js';
import type { SnapshotToSave, ViewSnapshots } from './view-snapshots.js';

export interface ViewRebuildReport {
  name: string;
  events: number;
  ms: number;
  eventsPerSecond: number;
  checkpoint: bigint;
}

export interface RebuildSnapshotsOptions {
  /** After each page of each view: events folded so far and the position reached. */
  onProgress?: (name: string, events: number, position: bigint) => void;
  onInvalid?: (error: Error) => void;
  pageSize?: number;
}

/**
 * One pass over the log per view, so each view's time is what rebuilding it alone costs. All the
 * new states are written in one transaction at the end: a reader of the file (a service starting
 * meanwhile) sees every old view or every new one, never a mix, and each with its own checkpoint.
 */
export const rebuildSnapshots = async (
  store: EventStore,
  projections: readonly Projection<unknown>[],
  snapshots: ViewSnapshots,
  options: RebuildSnapshotsOptions = {},
): Promise<ViewRebuildReport[]> => {
  const reports: ViewRebuildReport[] = [];
  const rows: SnapshotToSave[] = [];
  for (const projection of projections) {
    const started = performance.now();
    const result = await replay(store, [projection], [projection.initial()], {
      pageSize: options.pageSize ?? 1000,
      onProgress: (events, position) => options.onProgress?.(projection.name, events, position),
      onInvalid: options.onInvalid,
    });
    rows.push({ name: projection.name, version: projection.version, checkpoint: result.checkpoint, events: result.processed, state: projection.serialize(result.states[0]) });
    const ms = Math.round(performance.now() - started);
    reports.push({
      name: projection.name,
      events: result.processed,
      ms,
      eventsPerSecond: ms > 0 ? Math.round((result.processed * 1000) / ms) : result.processed,
      checkpoint: result.checkpoint,
    });
  }
  // The file may hold another store's views: they are dropped, the rebuilt ones are this store's.
  snapshots.bindTo(await storeIdentity(store));
  snapshots.save(rows);
  return reports;
};
