// What the desk's banner, timeline and live page need to know about the projections, in JSON-safe
// form (no bigints). Counts are counts of article events; the head is only a cursor.
import type { FollowState } from '../projections/log-follower.js';
import type { LogProgress } from '../projections/log-progress.js';
import type { ReadModelStatus } from '../projections/read-model-status.js';

export interface LiveStatus {
  /** The newest article event's position: an opaque cursor, not a number of events. */
  head: string;
  /** Article events in the log: the timeline's slider runs from 0 to this. */
  events: number;
  /** Article events the slowest read model has still to apply. */
  behind: number;
  /** True when `behind` is a lower bound (counting stopped). */
  behindAtLeast: boolean;
  /** Whether the read models follow the log ('reconnecting' while its subscription is lost). */
  following: FollowState;
  /**
   * Read models being rebuilt: events replayed of the events there were when it started; empty when none
   * is. `reason` 'version': its snapshot was saved by another version of its read model, so it was
   * rebuilt at start (until then it holds only the events since); 'asked': POST /projections/rebuild.
   */
  rebuilding: Array<{ name: string; reason: 'version' | 'asked'; processed: number; events: number; startedAt: string | null }>;
}

export const liveStatus = (progress: LogProgress, views: ReadModelStatus[], following: FollowState): LiveStatus => ({
  head: progress.head.toString(),
  events: progress.events,
  behind: progress.slowest.events,
  behindAtLeast: progress.slowest.atLeast,
  following,
  rebuilding: views
    .filter((v) => v.rebuilding || v.outdated)
    .map((v) => ({
      name: v.name, reason: v.outdated ? 'version' : 'asked',
      processed: v.rebuilding?.processed ?? 0, events: v.rebuilding?.targetEvents ?? 0, startedAt: v.rebuilding?.startedAt ?? null,
    })),
});
