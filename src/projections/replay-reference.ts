// Folds the reference (in-memory) read models from position 0, for the `replay` command: what
// every stored read model must equal, timed per read model, with a hash of each state. Nothing is
// written: the service's read models live in the read-model store (POST /projections/rebuild).
import type { EventStore } from '../event-store/event-store.js';
import type { Projection } from '../read-models/projection.js';
import { stableHash } from '../read-models/stable-hash.js';
import { replay } from './replay.js';

export interface ViewReplayReport {
  name: string;
  events: number;
  ms: number;
  eventsPerSecond: number;
  checkpoint: bigint;
  hash: string;
}

export interface ReplayReferenceOptions {
  /** After each page of each read model: events folded so far and the position reached. */
  onProgress?: (name: string, events: number, position: bigint) => void;
  onInvalid?: (error: Error) => void;
  pageSize?: number;
}

/** One pass over the log per read model, so each one's time is what folding it alone costs. */
export const replayReference = async (
  store: EventStore,
  projections: readonly Projection<unknown>[],
  options: ReplayReferenceOptions = {},
): Promise<ViewReplayReport[]> => {
  const reports: ViewReplayReport[] = [];
  for (const projection of projections) {
    const started = performance.now();
    const result = await replay(store, [projection], [projection.initial()], {
      pageSize: options.pageSize ?? 1000,
      onProgress: (events, position) => options.onProgress?.(projection.name, events, position),
      onInvalid: options.onInvalid,
    });
    const ms = Math.round(performance.now() - started);
    reports.push({
      name: projection.name,
      events: result.processed,
      ms,
      eventsPerSecond: ms > 0 ? Math.round((result.processed * 1000) / ms) : result.processed,
      checkpoint: result.checkpoint,
      hash: stableHash(projection.serialize(result.states[0])),
    });
  }
  return reports;
};
