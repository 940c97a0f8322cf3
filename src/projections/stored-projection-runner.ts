// Feeds the stored read models (read-model-store/) from the event store: each resumes from the
// checkpoint saved with its rows, so a restart replays nothing. Events from the subscription are
// buffered and written in batches, each read model's batch and checkpoint in one transaction, in
// slices that give the event loop a turn. A read model whose rows another version wrote is
// rebuilt from position 0 into a fresh generation while the old rows serve, then swapped in.
import { Subject } from 'rxjs';
import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import { storeIdentity, type CorruptEventError, type EventStore, type RecordedEvent } from '../event-store/event-store.js';
import type { ReadModelStore, RebuildTarget } from '../read-model-store/read-model-store.js';
import type { StoredReadModel } from '../read-models/stored-read-model.js';
import { LogFollower, type FollowStatus, type RetryDelays } from './log-follower.js';
import { eventsUpTo } from './log-progress.js';
import { InThreadWrites, type ReadModelWrites } from './read-model-writes.js';
import { CommitClock, Slices, type LogEntry, type Reached } from './stored-batches.js';
import { toStoredEvent } from './stored-event.js';
import { rebuildPass } from './stored-rebuild.js';
import type { InvalidEventReport, LastRebuild, ProjectionChange, Rebuilding, ReadModelStatus } from './read-model-status.js';
import { PositionWaiters } from './position-waiters.js';
import { GC_ROWS, GC_SLICE_MS, nextGarbageRows } from './garbage-slices.js';

interface FollowedReadModel {
  readModel: StoredReadModel;
  /** The log dealt with up to here: written to its active rows (or passed over while outdated), committed or not. */
  through: bigint;
  /** Article events at or before `through`, applied or reported invalid. */
  events: number;
  /** What readers see: `through` and `events` as of the last commit. */
  committed: Reached;
  processed: number;
  lastRebuild: LastRebuild | null;
  rebuilding: Rebuilding | null;
  /** Its rows were written by another version: frozen (never written by this one) until the rebuild swaps in. */
  outdated: { savedVersion: number } | null;
}

export interface StoredRunnerOptions {
  /** How soon a lost subscription is opened again (doubling up to the max). */
  retry?: RetryDelays;
  /** Events buffered before the subscription waits for them to be written (default 500). */
  batchSize?: number;
  /** How often old generations are collected when idle, ms (default 250; 0: never). */
  gcEveryMs?: number;
  /** How long applies may wait uncommitted while the log is behind, ms (default COMMIT_MS). */
  commitEveryMs?: number;
  /** A rebuild started at start (rows of another version) that failed. */
  onRebuildError?: (names: string[], error: Error) => void;
  /** Where the writes run (default: this thread, through the store); the runner closes them at stop. */
  writes?: ReadModelWrites;
}

/** The lowest of the read models' positions (-1 when there are none). */
const lowest = (positions: readonly bigint[]): bigint => positions.reduce((min, p) => (p < min ? p : min), positions[0] ?? -1n);

const defaultRebuildError = (names: string[], error: Error): void => console.error(`rebuild of ${names.join(', ')} failed: ${error.message}`);
const REPORTS_KEPT = 100;

const keepLast = <T>(list: T[], item: T): void => {
  list.push(item);
  if (list.length > REPORTS_KEPT) list.shift();
};

export class StoredProjectionRunner {
  private readonly views = new Map<string, FollowedReadModel>();
  private readonly follower: LogFollower;
  private readonly batchSize: number;
  private readonly writes: ReadModelWrites;
  /** Writes that must not interleave at an await (a live write and a rebuild's swap): each waits for the one before. */
  private exclusiveTail: Promise<unknown> = Promise.resolve();
  private collecting = false;
  private readonly commits: CommitClock;
  /** Events written live since the last commit: the feed hears of them once readers can see them. */
  private uncommitted: LogEntry[] = [];
  /** Events received and not yet written; `received` is the last one's position. */
  private pending: LogEntry[] = [];
  private received = -1n;
  private flushing: Promise<void> | null = null;
  /** After a failed write, until the log is read again: what the old subscription still delivers is not kept. */
  private discarding = false;
  private flushScheduled = false;
  private headAtStart: bigint | null = null;
  private readonly waiters = new PositionWaiters();
  private readonly inFlight = new Map<string, Promise<void>>();
  private gcTimer: NodeJS.Timeout | null = null;
  /** Rows the next garbage delete takes (garbage-slices.ts). */
  private gcRows: number = GC_ROWS.initial;
  private stopping = false;
  /** Rebuilds swapped in: rows may change with no checkpoint moving. */
  private swaps = 0;
  /** True when the store held rows built from another log, dropped at start (see ReadModelStore.bindTo). */
  rowsOfAnotherLog = false;
  readonly invalidEvents: InvalidEventReport[] = [];
  /** The latest failed batch writes (at most 100): the read model retries from its checkpoint. */
  readonly writeFailures: Array<{ view: string; error: string; at: string }> = [];
  /** Every event written live: the feed of server-sent events. */
  readonly changes = new Subject<ProjectionChange>();
  /** The rebuild of outdated read models started at start, once there is one (tests wait on it). */
  outdatedRebuild: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventStore,
    readonly store: ReadModelStore,
    readModels: readonly StoredReadModel[],
    private readonly options: StoredRunnerOptions = {},
  ) {
    for (const readModel of readModels) {
      this.views.set(readModel.name, {
        readModel,
        through: -1n,
        events: 0,
        committed: { position: -1n, events: 0 },
        processed: 0,
        lastRebuild: null,
        rebuilding: null,
        outdated: null,
      });
    }
    this.batchSize = options.batchSize ?? 500;
    this.writes = options.writes ?? new InThreadWrites(store, readModels);
    this.commits = new CommitClock(options.commitEveryMs);
    this.follower = new LogFollower(
      events,
      ARTICLE_STREAM_PREFIX,
      {
        prepare: () => this.resume(),
        from: () => this.resubscribeFrom(),
        onEvent: (recorded) => this.receive(recorded),
        onCorrupt: (error) => this.receiveCorrupt(error),
      },
      options.retry,
    );
  }

  get names(): string[] {
    return [...this.views.keys()];
  }

  /** Resolves once following (or retrying, when the store does not answer yet); never rejects. */
  async start(): Promise<void> {
    const every = this.options.gcEveryMs ?? 250;
    if (every > 0) {
      this.gcTimer = setInterval(() => this.collectGarbage(), every);
      this.gcTimer.unref();
    }
    await this.follower.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.gcTimer) clearInterval(this.gcTimer);
    await this.follower.stop();
    await this.flush().catch(() => undefined);
    await Promise.allSettled(this.inFlight.values());
    await this.commitWrites();
    await this.writes.close();
    this.changes.complete();
  }

  /** Where the read models are written: in a worker thread, or in the event loop's. */
  writesRunIn(): 'worker' | 'thread' {
    return this.writes.onEventLoop ? 'thread' : 'worker';
  }

  following(): FollowStatus {
    return this.follower.status();
  }

  /** Every read model has caught up with the head of the log as it was at start: the service serves current answers. */
  ready(): boolean {
    const head = this.headAtStart;
    return head !== null && [...this.views.values()].every((v) => v.committed.position >= head);
  }

  status(): ReadModelStatus[] {
    return [...this.views.values()].map((v) => ({
      name: v.readModel.name,
      version: v.readModel.version,
      checkpoint: v.committed.position,
      events: v.committed.events,
      processed: v.processed,
      lastRebuild: v.lastRebuild,
      rebuilding: v.rebuilding,
      outdated: v.outdated,
    }));
  }

  /** The lowest position applied by every read model, committed or not. */
  private applied(): bigint {
    return lowest([...this.views.values()].map((v) => v.through));
  }

  /** The lowest committed checkpoint: everything up to it is in every read model, for every reader. */
  checkpoint(): bigint {
    return lowest([...this.views.values()].map((v) => v.committed.position));
  }

  /** Changes whenever any read model's rows may have: what an answer computed from them is valid for. */
  rowsVersion(): string {
    return `${this.swaps}:${[...this.views.values()].map((v) => v.committed.position).join(',')}`;
  }

  /** Resolves once every read model has written the event at `position` (read-your-writes). */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<boolean> {
    return this.waiters.wait(position, this.checkpoint(), timeoutMs);
  }

  /**
   * Binds the store to this log, drops rebuilds a crash left unfinished, and resumes each read
   * model from its checkpoint; one whose rows another version wrote is rebuilt in the background.
   */
  private async resume(): Promise<void> {
    const identity = await storeIdentity(this.events);
    this.rowsOfAnotherLog = await this.writes.bindTo(JSON.stringify({ kind: identity.kind, logId: identity.logId }));
    this.store.refresh();
    const outdated: string[] = [];
    for (const view of this.views.values()) {
      const { name, version } = view.readModel;
      await this.writes.abandonUnfinishedRebuilds(name);
      const saved = await this.writes.checkpoint(name);
      view.through = saved?.position ?? -1n;
      view.events = saved?.events ?? 0;
      view.committed = { position: view.through, events: view.events };
      view.outdated = saved && saved.version !== version ? { savedVersion: saved.version } : null;
      if (view.outdated) outdated.push(name);
    }
    this.received = this.checkpoint();
    this.headAtStart = await this.events.headPosition({ streamPrefix: ARTICLE_STREAM_PREFIX });
    this.wakeWaiters();
    if (outdated.length) {
      this.outdatedRebuild = this.rebuild(outdated).catch((error: Error) => (this.options.onRebuildError ?? defaultRebuildError)(outdated, error));
    }
  }

  /** Where a new subscription starts: after the last event received, or after the lowest checkpoint when a write failed. */
  private resubscribeFrom(): bigint {
    if (this.discarding) this.received = this.checkpoint();
    this.discarding = false;
    return this.received;
  }

  /** One event from the subscription: buffered; the subscription waits while a full buffer is written. */
  private receive(recorded: RecordedEvent): Promise<void> | undefined {
    // A resubscription starts after `received`; an event at or before it was had already.
    if (this.discarding || recorded.position <= this.received) return undefined;
    let event = null;
    try {
      event = toStoredEvent(recorded);
    } catch (error) {
      this.reportInvalid(error as Error);
    }
    return this.buffer({ position: recorded.position, event });
  }

  /** An event that cannot be read at all (a binary event): reported and passed, as an invalid one is. */
  private receiveCorrupt(error: CorruptEventError & { position: bigint }): Promise<void> | undefined {
    this.reportInvalid(error);
    if (this.discarding || error.position <= this.received) return undefined;
    return this.buffer({ position: error.position, event: null });
  }

  private buffer(entry: LogEntry): Promise<void> | undefined {
    this.pending.push(entry);
    this.received = entry.position;
    if (this.pending.length >= this.batchSize) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
    return undefined;
  }

  /** Writes what is buffered; one flush at a time, and it takes what arrives meanwhile too. */
  private flush(): Promise<void> {
    this.flushing ??= this.flushAll().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async flushAll(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.writeBatch(batch);
      } catch {
        // Reported per read model in writeBatch. What was written stays (a failed apply leaves
        // nothing of itself); the buffer is dropped and the log read again from the lowest
        // checkpoint: each read model skips what it already has.
        await this.commitWrites();
        this.pending = [];
        this.discarding = true;
        this.follower.resubscribe('a batch of events could not be written (see writeFailures in GET /projections)');
        return;
      }
      this.uncommitted.push(...batch.filter((entry) => entry.event !== null));
      // Caught up: readers see it at once. Behind: commits come every COMMIT_MS at most, or as soon
      // as a caller waits for what is written (a write's read-your-writes, an asOf read): under a
      // steady write load the runner is seldom level with the head, and each of them waited for
      // the clock (GET /claims?asOf p50 1.1 s at 300 000 events).
      if (!this.pending.length || this.commits.due() || this.waiters.waitsFor(this.applied())) await this.commitWrites();
    }
  }

  /**
   * Commits the open writes, then tells readers, waiters and the feed what they now see: what was
   * written when the commit was asked for (a write answered meanwhile waits for the next commit).
   */
  private async commitWrites(): Promise<void> {
    const reached = [...this.views.values()].map((view) => ({ view, position: view.through, events: view.events }));
    const written = this.uncommitted;
    this.uncommitted = [];
    this.commits.done();
    await this.writes.commit();
    for (const { view, position, events } of reached) view.committed = { position, events };
    for (const { position, event } of written) this.changes.next({ position, type: event!.event.type, streamName: event!.streamName });
    this.wakeWaiters();
  }

  /** Runs `write` once every exclusive write before it has ended. */
  private exclusive<T>(write: () => Promise<T>): Promise<T> {
    const run = this.exclusiveTail.then(write, write);
    this.exclusiveTail = run.catch(() => undefined);
    return run;
  }

  /** The batch into every read model, in transactions of a few ms, giving the event loop a turn between them. */
  private async writeBatch(batch: readonly LogEntry[]): Promise<void> {
    const slices = new Slices();
    let failed: Error | null = null;
    for (const view of this.views.values()) {
      try {
        while (await this.exclusive(() => this.writeNext(view, batch))) await slices.yieldIfDue();
      } catch (error) {
        failed = error as Error;
        keepLast(this.writeFailures, { view: view.readModel.name, error: failed.message, at: new Date().toISOString() });
        console.error(`read model ${view.readModel.name}: events after ${view.through} not written: ${failed.message}`);
      }
    }
    if (failed) throw failed;
  }

  /** The batch's next events after where the read model stands into it; false when it has them all. */
  private async writeNext(view: FollowedReadModel, batch: readonly LogEntry[]): Promise<boolean> {
    // Taken right before each transaction: a rebuild swapped in meanwhile may be ahead of the batch.
    const chunk = batch.filter((e) => e.position > view.through).slice(0, this.writes.eventsPerWrite(false));
    if (!chunk.length) return false;
    const from = { position: view.through, events: view.events };
    // Outdated rows hold another version's meaning: this version's apply never writes over them.
    const reached = view.outdated
      ? { position: chunk[chunk.length - 1].position, events: from.events + chunk.length }
      : await this.writes.write(view.readModel.name, chunk, from);
    view.through = reached.position;
    view.events = reached.events;
    if (!view.outdated) view.processed += chunk.filter((e) => e.event !== null).length;
    return true;
  }

  /**
   * Rebuilds read models from position 0 into fresh generations while their active rows keep
   * serving (and being written live); each is swapped in once level with its live rows.
   */
  async rebuild(names: string[] = this.names): Promise<void> {
    for (const name of names) if (!this.views.has(name)) throw new Error(`no read model named ${name}`);
    // A read model already being rebuilt joins that rebuild.
    const joined = names.filter((n) => this.inFlight.has(n)).map((n) => this.inFlight.get(n)!);
    const fresh = names.filter((n) => !this.inFlight.has(n));
    const job = fresh.length ? this.rebuildNow(fresh.map((n) => this.views.get(n)!)) : Promise.resolve();
    for (const n of fresh) this.inFlight.set(n, job);
    try {
      await Promise.all([job, ...joined]);
    } finally {
      for (const n of fresh) if (this.inFlight.get(n) === job) this.inFlight.delete(n);
    }
  }

  private async rebuildNow(views: FollowedReadModel[]): Promise<void> {
    const startedAt = Date.now();
    const target = await this.events.headPosition({ streamPrefix: ARTICLE_STREAM_PREFIX });
    const known = [...this.views.values()].filter((v) => !v.outdated).map((v) => ({ checkpoint: v.through, events: v.events }));
    const targetEvents = await eventsUpTo(this.events, target, known);
    for (const v of views) v.rebuilding = { processed: 0, target, targetEvents, startedAt: new Date(startedAt).toISOString() };
    const targets: RebuildTarget[] = [];
    for (const v of views) targets.push(await this.writes.beginRebuild(v.readModel.name));
    const pass = {
      events: this.events,
      writes: this.writes,
      readModels: views.map((v) => v.readModel),
      targets,
      onProgress: (processed: number) => views.forEach((v) => (v.rebuilding!.processed = processed)),
      onInvalid: (error: Error) => this.reportInvalid(error),
      commitIfDue: async () => {
        if (this.commits.due()) await this.commitWrites();
      },
      stopped: () => this.stopping,
    };
    try {
      let reached = { position: -1n, events: 0 };
      // Until level with (or ahead of) the live rows: no live write comes between that check and the swap.
      do {
        reached = await rebuildPass(pass, reached);
        if (this.stopping) throw new Error('the runner stopped');
      } while (!(await this.exclusive(() => this.swapIfLevel(views, targets, reached, startedAt))));
      // finishRebuild committed every write before it; this publishes the swapped-in positions.
      await this.commitWrites();
    } catch (error) {
      for (const t of targets) await this.writes.abandonRebuild(t).catch(() => undefined);
      throw error;
    } finally {
      for (const v of views) v.rebuilding = null;
    }
  }

  /** Swaps the rebuilt generations in once they are level with the live rows; false while they are behind. */
  private async swapIfLevel(views: FollowedReadModel[], targets: RebuildTarget[], reached: Reached, startedAt: number): Promise<boolean> {
    if (views.some((v) => reached.position < v.through)) return false;
    const ms = Date.now() - startedAt;
    const lastRebuild = {
      events: reached.events,
      ms,
      eventsPerSecond: ms > 0 ? Math.round((reached.events * 1000) / ms) : reached.events,
      finishedAt: new Date().toISOString(),
    };
    for (const target of targets) await this.writes.finishRebuild(target);
    this.swaps++;
    this.store.refresh();
    for (const v of views) Object.assign(v, { through: reached.position, events: reached.events, lastRebuild, outdated: null });
    return true;
  }

  /** Old generations, in deletes sized to what the last one took, when nothing is being written. */
  private collectGarbage(): void {
    if (this.pending.length || this.flushing || this.inFlight.size || this.collecting) return;
    this.collecting = true;
    void this.collectSlice()
      .catch((error: Error) => console.error(`garbage collection of old read-model generations failed: ${error.message}`))
      .finally(() => (this.collecting = false));
  }

  private async collectSlice(): Promise<void> {
    const started = performance.now();
    while (performance.now() - started < GC_SLICE_MS && !this.stopping) {
      const deleteStarted = performance.now();
      if (!(await this.writes.collectGarbage(this.gcRows))) return;
      this.gcRows = nextGarbageRows(this.gcRows, performance.now() - deleteStarted);
    }
  }

  private wakeWaiters(): void {
    this.waiters.wake(this.checkpoint());
  }

  private reportInvalid(error: Error): void {
    // Reported, never silently dropped: kept for GET /projections (bounded).
    keepLast(this.invalidEvents, { message: error.message, at: new Date().toISOString() });
  }
}
