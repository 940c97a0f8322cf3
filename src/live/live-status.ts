// What the desk's banner needs to know about the projections, in JSON-safe form (no bigints).
import type { ViewStatus } from '../projections/projection-runner.js';

export interface LiveStatus {
  head: string;
  /** Events (SQLite) or log bytes (EventStoreDB) the slowest view is behind the store's head. */
  lag: string;
  /** Views being rebuilt, with progress; empty when none is. */
  rebuilding: Array<{ name: string; processed: number; target: string; startedAt: string }>;
}

export const liveStatus = (head: bigint, views: ViewStatus[]): LiveStatus => {
  const lowest = views.reduce((min, v) => (v.checkpoint < min ? v.checkpoint : min), head);
  return {
    head: head.toString(),
    lag: (head > lowest ? head - lowest : 0n).toString(),
    rebuilding: views
      .filter((v) => v.rebuilding)
      .map((v) => ({ name: v.name, processed: v.rebuilding!.processed, target: v.rebuilding!.target.toString(), startedAt: v.rebuilding!.startedAt })),
  };
};
