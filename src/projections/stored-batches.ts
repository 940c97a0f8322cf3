// Writing events to stored read models in transactions short enough to keep the event loop free:
// the live runner and a rebuild both write through these.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PositionedWrite, ReadModelStore, RebuildTarget } from '../read-model-store/read-model-store.js';
import type { ProjectedEvent } from '../read-models/projection.js';
import type { StoredReadModel } from '../read-models/stored-read-model.js';

/** An article event of the log: decoded, or null when it was reported invalid (counted, not applied). */
export interface LogEntry {
  position: bigint;
  event: ProjectedEvent | null;
}

/** Where a read model's rows stand: the last position written and the article events up to it. */
export interface Reached {
  position: bigint;
  events: number;
}

/** Longest stretch of work before the event loop gets a turn: requests and /health never wait long. */
const SLICE_MS = 20;
/** What one apply (its writes in the open transaction) should take: the event loop waits for it. */
export const TRANSACTION_MS = 8;
// An apply is not a commit: a small one costs little, so the size may go low.
const MIN_EVENTS = 2;
const MAX_EVENTS = 500;
/** Where a size starts (see TransactionSize). */
export const STARTING_EVENTS = MIN_EVENTS * 4;

/**
 * How long writes may wait uncommitted while the log is behind. Every commit writes each page its
 * writes changed, and in one of a few ms the same index pages are written again and again: at
 * transactions of 8 ms, commits took most of a rebuild's time. While the log is behind, readers see
 * its progress this often; once caught up, every batch is committed at once, and so is one a
 * caller waits for (the runner's waiters).
 */
export const COMMIT_MS = 1000;

/** Says when the writes held open since the last commit are due to be committed. */
export class CommitClock {
  private last = performance.now();

  constructor(private readonly everyMs = COMMIT_MS) {}

  due(): boolean {
    return performance.now() - this.last >= this.everyMs;
  }

  done(): void {
    this.last = performance.now();
  }
}

/** Gives the event loop a turn once the current slice has lasted SLICE_MS. */
export class Slices {
  private started = performance.now();

  async yieldIfDue(): Promise<void> {
    if (performance.now() - this.started < SLICE_MS) return;
    await nextTurn();
    this.started = performance.now();
  }
}

/**
 * How many events go in one apply: cut to fit when one took too long, doubled while they are quick.
 * It starts small: the first apply of a burst of 500-claim articles at 64 events held the event loop
 * 100–400 ms (stall benchmark profile), where growing from a few costs a few quick applies.
 */
export class TransactionSize {
  events = STARTING_EVENTS;

  /** `targetMs`: what an apply should take (TRANSACTION_MS in the event loop's thread). */
  constructor(private readonly targetMs = TRANSACTION_MS) {}

  fit(ms: number, events: number): void {
    if (ms > 2 * this.targetMs) this.events = Math.max(MIN_EVENTS, Math.floor((events * this.targetMs) / ms));
    else if (ms < this.targetMs / 2 && events >= this.events) this.events = Math.min(MAX_EVENTS, this.events * 2);
  }
}

const writesOf = (readModel: StoredReadModel, entries: readonly LogEntry[]): PositionedWrite[] =>
  entries.filter((e) => e.event !== null).map((e) => ({ position: e.position, write: (writer) => readModel.apply(writer, e.event!) }));

/**
 * Writes `entries` (all after `from`) to one read model in one transaction with its checkpoint,
 * into `target` when it is being rebuilt. Returns where it then stands.
 */
export const writeEntries = (
  store: ReadModelStore,
  readModel: StoredReadModel,
  entries: readonly LogEntry[],
  from: Reached,
  size: TransactionSize,
  target?: RebuildTarget,
): Reached => {
  const reached = { position: entries[entries.length - 1].position, events: from.events + entries.length };
  const started = performance.now();
  store.apply(readModel.name, writesOf(readModel, entries), { version: readModel.version, ...reached }, target);
  size.fit(performance.now() - started, entries.length);
  return reached;
};
