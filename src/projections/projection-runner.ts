// Feeds the read models from the event store, never from in-process publishes: catch-up from each
// view's checkpoint, then live. A second instance on the same store builds the same views.
import { Subject } from 'rxjs';
import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import type { EventStore, Subscription } from '../event-store/event-store.js';
import type { Projection } from '../read-models/projection.js';
import { toProjected } from './projected-event.js';
import { replay } from './replay.js';
import type { ViewSnapshots } from './view-snapshots.js';

interface LiveView {
  projection: Projection<unknown>;
  state: unknown;
  checkpoint: bigint;
  processed: number;
  lastRebuild: { events: number; ms: number; eventsPerSecond: number; finishedAt: string } | null;
  rebuilding: { processed: number; target: bigint; startedAt: string } | null;
  /** Changed since its last save. */
  dirty: boolean;
  /** Epoch ms before which it is not saved again (see saveDue). */
  nextSaveAt: number;
}

/** After a failed save, the next try of that view. */
const SAVE_RETRY_MS = 60_000;

const defaultSaveError = (view: string, error: Error): void => console.error(`snapshot of view ${view} not saved: ${error.message}`);

/** A save may take at most this share of the event loop: a view that took 200 ms waits 4 s. */
const SAVE_SPACING = 20;

export interface ViewStatus {
  name: string;
  checkpoint: bigint;
  processed: number;
  lastRebuild: LiveView['lastRebuild'];
  rebuilding: LiveView['rebuilding'];
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

export class ProjectionRunner {
  private readonly views = new Map<string, LiveView>();
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
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

  constructor(
    private readonly store: EventStore,
    projections: Projection<unknown>[],
    private readonly snapshots: ViewSnapshots | null = null,
    private readonly options: { snapshotEveryMs?: number; onSaveError?: (view: string, error: Error) => void } = {},
  ) {
    for (const projection of projections) {
      this.views.set(projection.name, { projection, state: projection.initial(), checkpoint: -1n, processed: 0, lastRebuild: null, rebuilding: null, dirty: false, nextSaveAt: 0 });
    }
  }

  get names(): string[] {
    return [...this.views.keys()];
  }

  /** Restores saved views, then follows the log from the oldest checkpoint. */
  start(): void {
    for (const view of this.views.values()) {
      const saved = this.snapshots?.load(view.projection.name);
      if (saved) {
        view.state = view.projection.deserialize(saved.state);
        view.checkpoint = saved.checkpoint;
      }
    }
    const from = [...this.views.values()].reduce((min, v) => (v.checkpoint < min ? v.checkpoint : min), this.maxCheckpoint());
    this.subscription = this.store.subscribe({ fromPosition: from, streamPrefix: ARTICLE_STREAM_PREFIX });
    this.loop = this.follow(this.subscription);
    const every = this.options.snapshotEveryMs ?? 1000;
    if (this.snapshots && every > 0) {
      this.snapshotTimer = setInterval(() => this.saveDue(every), every);
      this.snapshotTimer.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    await this.subscription?.close();
    await this.loop?.catch(() => undefined);
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
      name: v.projection.name, checkpoint: v.checkpoint, processed: v.processed, lastRebuild: v.lastRebuild, rebuilding: v.rebuilding,
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
    const target = await this.store.headPosition();
    for (const v of views) v.rebuilding = { processed: 0, target, startedAt: new Date(startedAt).toISOString() };
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
        v.lastRebuild = lastRebuild;
        v.dirty = true;
      });
    } finally {
      for (const v of views) v.rebuilding = null;
    }
  }

  /** Time travel: the views folded from the events up to a position or a time, computed on demand. */
  async asOf(names: string[], limit: { position?: bigint; time?: Date }): Promise<Map<string, unknown>> {
    const projections = names.map((n) => this.views.get(n)!.projection);
    const { states } = await replay(this.store, projections, projections.map((p) => p.initial()), {
      until: (e) => (limit.position === undefined || e.position <= limit.position) && (limit.time === undefined || e.created <= limit.time),
      onInvalid: (error) => this.reportInvalid(error),
    });
    return new Map(names.map((n, i) => [n, states[i]]));
  }

  private maxCheckpoint(): bigint {
    return [...this.views.values()].reduce((max, v) => (v.checkpoint > max ? v.checkpoint : max), -1n);
  }

  private async follow(subscription: Subscription): Promise<void> {
    for await (const recorded of subscription) {
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
        view.dirty = true;
      }
      if (projected) this.changes.next({ position: recorded.position, type: recorded.type, streamName: recorded.streamName });
      this.wakeWaiters();
    }
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
    try {
      this.snapshots!.save([{ name: v.projection.name, checkpoint: v.checkpoint, state: v.projection.serialize(v.state) }]);
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
