// What the runners tell GET /projections, GET /live and /health about each read model.

export interface LastRebuild {
  events: number;
  ms: number;
  eventsPerSecond: number;
  finishedAt: string;
}

export interface Rebuilding {
  processed: number;
  /** The head when it started: a cursor. */
  target: bigint;
  /** Article events up to the target. */
  targetEvents: number;
  startedAt: string;
}

export interface ReadModelStatus {
  name: string;
  version: number;
  checkpoint: bigint;
  events: number;
  processed: number;
  lastRebuild: LastRebuild | null;
  rebuilding: Rebuilding | null;
  /** Its rows were written by another version of its read model: being rebuilt from position 0 since start. */
  outdated: { savedVersion: number } | null;
}

export interface ProjectionChange {
  position: bigint;
  type: string;
  streamName: string;
}

export interface InvalidEventReport {
  message: string;
  at: string;
}
