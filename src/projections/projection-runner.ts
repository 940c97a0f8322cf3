// Feeds the read models from the event store, never from in-process publishes: catch-up from each
// view's checkpoint, then live. A second instance on the same store builds the same views.
import { Subject } from 'rxjs';
import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import { storeIdentity, type CorruptEventError, type EventStore, type RecordedEvent } from '../event-store/event-store.js';
import type { Projection } from '../read-models/projection.js';
import { LogFollower, type FollowStatus, type RetryDelays } from './log-follower.js';
import { toProjected } from './projected-event.js';
import { replay } from './replay.js';
import type { ViewSnapshots } from './view-snapshots.js';

interface LiveView {
  projection: Projection<unknown>;
  state: unknown;
  checkpoint: bigint;
  /** Article events at or before the checkpoint, applied or reported invalid: where the view is, as a count. */
  events: number;
  processed: number;
  lastRebuild: { events: number; ms: number; eventsPerSecond: number; finishedAt: string } | null;
  rebuilding: { processed: number; target: bigint; targetEvents: number; startedAt: string } | null;
  /**
   * Set at start when its snapshot was saved under another version of the read model, until the
   * rebuild that replaces it is swapped in. Meanwhile it answers from the events after the
   * snapshot's checkpoint only (an old state may not even have today's shape).
   */
  outdated: { savedVersion: number } | null;
  /** Changed since its last save. */
  dirty: boolean;
  /** Epoch ms before which it is not saved again (see saveDue). */
  nextSaveAt: number;
}

/** After a failed save, the next try of that view. */
const SAVE_RETRY_MS = 60_000;

const defaultSaveError = (view: string, error: Error): void => console.error(`snapshot of view ${view} not saved: ${error.message}`);
const defaultRebuildError = (views: string[], error: Error): void => console.error(`rebuild of ${views.join(', ')} failed: ${error.message}`);

/** A save may take at most this share of the event loop: a view that took 200 ms waits 4 s. */
const SAVE_SPACING = 20;

export interface ViewStatus {
  name: string;
  version: number;
  checkpoint: bigint;
  events: number;
  processed: number;
  lastRebuild: LiveView['lastRebuild'];
  rebuilding: LiveView['rebuilding'];
  outdated: LiveView['outdated'];
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

export interface RunnerOptions {
  snapshotEveryMs?: number;
  onSaveError?: (view: string, error: Error) => void;
  /** A rebuild started at start (a snapshot of another version) that failed. */
  onRebuildError?: (views: string[], error: Error) => void;
  /** How soon a lost subscription is opened again (doubling up to the max). */
  retry?: RetryDelays;
}

export class ProjectionRunner {
  private readonly views = new Map<string, LiveView>();
  private readonly follower: LogFollower;
  /** True when the saved views were another store's and were dropped at start (see ViewSnapshots.bindTo). */
  snapshotsOfAnotherStore = false;
  private snapshotTimer: NodeJS.Timeout | null = null;
  /** No timer save before this (epoch ms); see saveDue. */
  private quietUntil = 0;
  private waiters: Array<{ position: bigint; resolve: () => void }> = [];
  private readonly inFlight = new Map<string, Promise<void>>();
  readonly invalidEvents: InvalidEventReport[] = [];
  /** The latest failed snapshot saves (at most 100). */
  readonly saveFailures: Array<{ view: string; error: string; at: string }> = [];
  /** Every event applied live: the feed of server-sent events. */
  readonly changes = new Subject<ProjectionChange>();
  /** The rebuild of outdated snapshots started by start(), once there is one (tests wait on it). */
  outdatedRebuild: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    projections: readonly Projection<unknown>[],
    private readonly snapshots: ViewSnapshots | null = null,
    private readonly options: RunnerOptions = {},
  ) {
    for (const projection of projections) {
      this.views.set(projection.name, { projection, state: projection.initial(), checkpoint: -1n, events: 0, processed: 0, lastRebuild: null, rebuilding: null, outdated: null, dirty: false, nextSaveAt: 0 });
    }
    this.follower = new LogFollower(store, ARTICLE_STREAM_PREFIX, {
      prepare: () => this.restore(),
      from: () => this.checkpoint(),
      onEvent: (recorded) => this.applyLive(recorded),
      onCorrupt: (error) => this.skipCorrupt(error),
    }, options.retry);
  }

  get names(): string[] {
    return [...this.views.keys()];
  }

  /**
   * Restores saved views, then follows the log from the oldest checkpoint. Resolves once following
   * (or retrying, when the store does not answer yet); it never rejects, and a lost subscription is
   * opened again from the checkpoint (see LogFollower), so the process never dies of it.
   */
  async start(): Promise<void> {
    const every = this.options.snapshotEveryMs ?? 1000;
    if (this.snapshots && every > 0) {
      this.snapshotTimer = setInterval(() => this.saveDue(every), every);
      this.snapshotTimer.unref();
    }
    await this.follower.start();
  }

  /** Whether the views follow the log now: GET /projections and /health report it. */
  following(): FollowStatus {
    return this.follower.status();
  }

  /**
   * Saved views are restored only when they were saved from this very log and by the same version
   * of their read model. One saved by another version is rebuilt from position 0 in the background
   * while every other view serves; it follows the log from its checkpoint meanwhile, so the live
   * views need not go back to position 0 with it.
   */
  private async restore(): Promise<void> {
    if (!this.snapshots) return;
    this.snapshotsOfAnotherStore = this.snapshots.bindTo(await storeIdentity(this.store));
    const outdated: string[] = [];
    for (const view of this.views.values()) {
      const saved = this.snapshots.load(view.projection.name);
      if (!saved) continue;
      view.checkpoint = saved.checkpoint;
      view.events = saved.events;
      if (saved.version === view.projection.version) view.state = view.projection.deserialize(saved.state);
      else {
        view.outdated = { savedVersion: saved.version };
        outdated.push(view.projection.name);
      }
    }
    this.wakeWaiters();
    if (outdated.length) {
      this.outdatedRebuild = this.rebuild(outdated).catch((error: Error) => (this.options.onRebuildError ?? defaultRebuildError)(outdated, error));
    }
  }

  async stop(): Promise<void> {
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    await this.follower.stop();
    this.saveSnapshots();
    this.changes.complete();
  }

  state<S>(name: string): S {
    const view = this.views.get(name);
    if (!view) throw new Error(`no view named ${name}`);
    return view.state as S;
  }

  /** The view's state in its snapshot form: what hashes and comparisons are taken over. */
  serialized(name: string): unknown {
    const view = this.views.get(name)!;
    return view.projection.serialize(view.state);
  }

  status(): ViewStatus[] {
    return [...this.views.values()].map((v) => ({
      name: v.projection.name, version: v.projection.version, checkpoint: v.checkpoint, events: v.events, processed: v.processed,
      lastRebuild: v.lastRebuild, rebuilding: v.rebuilding, outdated: v.outdated,
    }));
  }

  /** The lowest checkpoint of all views: everything up to it is in every view. */
  checkpoint(): bigint {
    return [...this.views.values()].reduce((min, v) => (v.checkpoint < min ? v.checkpoint : min), this.maxCheckpoint());
  }

  /** Resolves once every view has applied the event at `position` (read-your-writes). */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<boolean> {
    if (this.checkpoint() >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter = { position, resolve: () => { clearTimeout(timer); resolve(true); } };
      this.waiters.push(waiter);
    });
  }

  /**
   * Rebuilds views from position 0 beside the live ones, which keep answering. The new state
   * takes over only when it has caught up with the live checkpoint, in one synchronous step, so
   * no reader ever sees a half-built view.
   */
  async rebuild(names: string[] = this.names): Promise<void> {
    for (const name of names) if (!this.views.has(name)) throw new Error(`no view named ${name}`);
    // A view already being rebuilt joins that rebuild: it too ends level with the live views.
    const joined = names.filter((n) => this.inFlight.has(n)).map((n) => this.inFlight.get(n)!);
    const fresh = names.filter((n) => !this.inFlight.has(n));
    const job = fresh.length ? this.rebuildNow(fresh) : Promise.resolve();
    for (const n of fresh) this.inFlight.set(n, job);
    try {
      await Promise.all([job, ...joined]);
    } finally {
      for (const n of fresh) if (this.inFlight.get(n) === job) this.inFlight.delete(n);
    }
  }

  private async rebuildNow(names: string[]): Promise<void> {
    const views = names.map((name) => this.views.get(name)!);
    const startedAt = Date.now();
    const target = await this.store.headPosition({ streamPrefix: ARTICLE_STREAM_PREFIX });
    const targetEvents = await this.eventsUpTo(target);
    for (const v of views) v.rebuilding = { processed: 0, target, targetEvents, startedAt: new Date(startedAt).toISOString() };
    try {
      const projections = views.map((v) => v.projection);
      let result = await replay(this.store, projections, projections.map((p) => p.initial()), {
        onProgress: (processed) => views.forEach((v) => (v.rebuilding!.processed = processed)),
        onInvalid: (error) => this.reportInvalid(error),
      });
      let processed = result.processed;
      // Catch up with whatever the live views applied meanwhile. Between the check that the
      // rebuilt state is level with (or ahead of) every live view and the swap there is no await,
      // so the live loop cannot apply an event in between.
      for (;;) {
        const live = views.reduce((max, v) => (v.checkpoint > max ? v.checkpoint : max), -1n);
        if (result.checkpoint >= live) break;
        result = await replay(this.store, projections, result.states, {
          after: result.checkpoint,
          until: (e) => e.position <= live,
          onInvalid: (error) => this.reportInvalid(error),
        });
        processed += result.processed;
      }
      const ms = Date.now() - startedAt;
      const lastRebuild = { events: processed, ms, eventsPerSecond: ms > 0 ? Math.round((processed * 1000) / ms) : processed, finishedAt: new Date().toISOString() };
      views.forEach((v, i) => {
        v.state = result.states[i];
        v.checkpoint = result.checkpoint;
        v.events = processed;
        v.lastRebuild = lastRebuild;
        v.outdated = null;
        v.dirty = true;
      });
    } finally {
      for (const v of views) v.rebuilding = null;
    }
  }

  /**
   * The article events in the log up to `position` (a view's checkpoint or the head): counted from
   * the live view nearest below it, so only the stretch after that view is read.
   */
  private async eventsUpTo(position: bigint): Promise<number> {
    const below = [...this.views.values()].filter((v) => v.checkpoint <= position && !v.rebuilding)
      .reduce<LiveView | null>((best, v) => (!best || v.checkpoint > best.checkpoint ? v : best), null);
    const from = below ?? { checkpoint: -1n, events: 0 };
    const total = await this.store.countEvents({ after: from.checkpoint, streamPrefix: ARTICLE_STREAM_PREFIX });
    const beyond = await this.store.countEvents({ after: position, streamPrefix: ARTICLE_STREAM_PREFIX });
    return from.events + total - beyond;
  }

  /**
   * Time travel: the views folded from the events up to a position (a cursor taken from an event),
   * a time, or a number of events (the first N of the article log), computed on demand.
   */
  async asOf(names: string[], limit: { position?: bigint; time?: Date; events?: number }): Promise<Map<string, unknown>> {
    const projections = names.map((n) => this.views.get(n)!.projection);
    let taken = 0;
    const { states } = await replay(this.store, projections, projections.map((p) => p.initial()), {
      until: (e) => (limit.position === undefined || e.position <= limit.position) && (limit.time === undefined || e.created <= limit.time) &&
        (limit.events === undefined || taken++ < limit.events),
      onInvalid: (error) => this.reportInvalid(error),
    });
    return new Map(names.map((n, i) => [n, states[i]]));
  }

  private maxCheckpoint(): bigint {
    return [...this.views.values()].reduce((max, v) => (v.checkpoint > max ? v.checkpoint : max), -1n);
  }

  /** One event from the subscription, into every view not past it: a resubscription repeats none. */
  private applyLive(recorded: RecordedEvent): void {
    let projected;
    try {
      projected = toProjected(recorded);
    } catch (error) {
      this.reportInvalid(error as Error);
    }
    for (const view of this.views.values()) {
      if (recorded.position <= view.checkpoint) continue;
      if (projected) {
        view.state = view.projection.apply(view.state, projected);
        view.processed++;
      }
      view.checkpoint = recorded.position;
      view.events++;
      view.dirty = true;
    }
    if (projected) this.changes.next({ position: recorded.position, type: recorded.type, streamName: recorded.streamName });
    this.wakeWaiters();
  }

  /** An event that cannot be read at all (a binary event): reported and passed, as an invalid one is. */
  private skipCorrupt(error: CorruptEventError & { position: bigint }): void {
    this.reportInvalid(error);
    for (const view of this.views.values()) {
      if (error.position <= view.checkpoint) continue;
      view.checkpoint = error.position;
      view.events++;
      view.dirty = true;
    }
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const reached = this.checkpoint();
    const ready = this.waiters.filter((w) => w.position <= reached);
    this.waiters = this.waiters.filter((w) => w.position > reached);
    for (const w of ready) w.resolve();
  }

  private reportInvalid(error: Error): void {
    // Reported, never silently dropped: kept for GET /projections (bounded) and logged by the caller.
    this.invalidEvents.push({ message: error.message, at: new Date().toISOString() });
    if (this.invalidEvents.length > 100) this.invalidEvents.shift();
  }

  /** Saves every view changed since its last save (on shutdown). */
  saveSnapshots(): void {
    if (!this.snapshots) return;
    for (const v of this.views.values()) if (v.dirty) this.trySave(v);
  }

  /**
   * The timer's save: one changed view per tick, the most overdue. After a save that took d ms no
   * view is saved for SAVE_SPACING × d (saving takes at most ~5% of the event loop, whatever the
   * number of views), and that view not before max(tick, SAVE_SPACING × d). A view that is slow to
   * save is saved rarely; it replays the events since on restart.
   */
  private saveDue(every: number): void {
    if (!this.snapshots) return;
    const now = Date.now();
    if (now < this.quietUntil) return;
    const due = [...this.views.values()].filter((v) => v.dirty && v.nextSaveAt <= now).sort((a, b) => a.nextSaveAt - b.nextSaveAt)[0];
    if (!due) return;
    const started = performance.now();
    const saved = this.trySave(due);
    const spacing = SAVE_SPACING * (performance.now() - started);
    this.quietUntil = Date.now() + spacing;
    due.nextSaveAt = Date.now() + (saved ? Math.max(every, spacing) : SAVE_RETRY_MS);
  }

  /**
   * A save that fails (a full disk, a state too big to serialise) is reported and the view kept
   * as it is: it stays dirty, its last good snapshot stays whole, and a restart replays the events
   * since. It must never take the service down from a timer.
   */
  private trySave(v: LiveView): boolean {
    // Its state holds only the events since an old snapshot: saved, it would pass for a whole view.
    if (v.outdated) return true;
    try {
      this.snapshots!.save([{ name: v.projection.name, version: v.projection.version, checkpoint: v.checkpoint, events: v.events, state: v.projection.serialize(v.state) }]);
      v.dirty = false;
      return true;
    } catch (error) {
      this.saveFailures.push({ view: v.projection.name, error: (error as Error).message, at: new Date().toISOString() });
      if (this.saveFailures.length > 100) this.saveFailures.shift();
      (this.options.onSaveError ?? defaultSaveError)(v.projection.name, error as Error);
      return false;
    }
  }
}
