// The in-memory read models, folded from the log at start and kept live: what routes still on
// ReadModelQuery read until every controller reads the read-model store (then this runner goes and
// the service keeps no read model in memory). The reference read models themselves stay, folded by replay.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import type { CorruptEventError, EventStore, RecordedEvent } from '../event-store/event-store.js';
import type { Projection } from '../read-models/projection.js';
import { LogFollower, type FollowStatus } from './log-follower.js';
import { eventsUpTo } from './log-progress.js';
import { toProjected } from './projected-event.js';
import { replay } from './replay.js';
import type { LastRebuild, Rebuilding, ReadModelStatus } from './read-model-status.js';
import { PositionWaiters } from './position-waiters.js';

interface FollowedReadModel {
  projection: Projection<unknown>;
  state: unknown;
  checkpoint: bigint;
  /** Article events at or before the checkpoint, applied or reported invalid: where the read model is, as a count. */
  events: number;
  processed: number;
  lastRebuild: LastRebuild | null;
  rebuilding: Rebuilding | null;
}

/** Longest stretch of folding live events before the event loop gets a turn (a catch-up from position 0). */
const SLICE_MS = 15;

export class ProjectionRunner {
  private readonly views = new Map<string, FollowedReadModel>();
  private readonly follower: LogFollower;
  private readonly waiters = new PositionWaiters();
  private readonly inFlight = new Map<string, Promise<void>>();
  private sliceStart = performance.now();
  private headAtStart: bigint | null = null;
  private readonly onInvalid = (): void => undefined;

  constructor(
    private readonly store: EventStore,
    projections: readonly Projection<unknown>[],
  ) {
    for (const projection of projections) {
      this.views.set(projection.name, {
        projection,
        state: projection.initial(),
        checkpoint: -1n,
        events: 0,
        processed: 0,
        lastRebuild: null,
        rebuilding: null,
      });
    }
    this.follower = new LogFollower(store, ARTICLE_STREAM_PREFIX, {
      prepare: async () => void (this.headAtStart = await store.headPosition({ streamPrefix: ARTICLE_STREAM_PREFIX })),
      from: () => this.checkpoint(),
      onEvent: (recorded) => this.applyLive(recorded),
      onCorrupt: (error) => this.skipCorrupt(error),
    });
  }

  get names(): string[] {
    return [...this.views.keys()];
  }

  /** Folds the log from position 0, then follows it; resolves once following (or retrying); never rejects. */
  async start(): Promise<void> {
    await this.follower.start();
  }

  /** Every read model has folded the log up to its head as it was at start. */
  ready(): boolean {
    return this.headAtStart !== null && this.checkpoint() >= this.headAtStart;
  }

  following(): FollowStatus {
    return this.follower.status();
  }

  async stop(): Promise<void> {
    await this.follower.stop();
  }

  state<S>(name: string): S {
    const view = this.views.get(name);
    if (!view) throw new Error(`no read model named ${name}`);
    return view.state as S;
  }

  /** The read model's state in its snapshot form: what hashes and comparisons are taken over. */
  serialized(name: string): unknown {
    const view = this.views.get(name)!;
    return view.projection.serialize(view.state);
  }

  status(): ReadModelStatus[] {
    return [...this.views.values()].map((v) => ({
      name: v.projection.name,
      version: v.projection.version,
      checkpoint: v.checkpoint,
      events: v.events,
      processed: v.processed,
      lastRebuild: v.lastRebuild,
      rebuilding: v.rebuilding,
      outdated: null,
    }));
  }

  /** The lowest checkpoint of all read models: everything up to it is in every read model. */
  checkpoint(): bigint {
    return [...this.views.values()].reduce((min, v) => (v.checkpoint < min ? v.checkpoint : min), this.maxCheckpoint());
  }

  /** Resolves once every read model has applied the event at `position` (read-your-writes). */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<boolean> {
    return this.waiters.wait(position, this.checkpoint(), timeoutMs);
  }

  /**
   * Rebuilds read models from position 0 beside the live ones, which keep answering. The new state
   * takes over only when it has caught up with the live checkpoint, in one synchronous step.
   */
  async rebuild(names: string[] = this.names): Promise<void> {
    for (const name of names) if (!this.views.has(name)) throw new Error(`no read model named ${name}`);
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
    const targetEvents = await eventsUpTo(
      this.store,
      target,
      [...this.views.values()].filter((v) => !v.rebuilding),
    );
    for (const v of views) v.rebuilding = { processed: 0, target, targetEvents, startedAt: new Date(startedAt).toISOString() };
    try {
      const projections = views.map((v) => v.projection);
      let result = await replay(
        this.store,
        projections,
        projections.map((p) => p.initial()),
        {
          onProgress: (processed) => views.forEach((v) => (v.rebuilding!.processed = processed)),
          onInvalid: this.onInvalid,
        },
      );
      let processed = result.processed;
      // Catch up with the live read models; no await between the check and the swap.
      for (;;) {
        const live = views.reduce((max, v) => (v.checkpoint > max ? v.checkpoint : max), -1n);
        if (result.checkpoint >= live) break;
        result = await replay(this.store, projections, result.states, {
          after: result.checkpoint,
          until: (e) => e.position <= live,
          onInvalid: this.onInvalid,
        });
        processed += result.processed;
      }
      const ms = Date.now() - startedAt;
      const lastRebuild = {
        events: processed,
        ms,
        eventsPerSecond: ms > 0 ? Math.round((processed * 1000) / ms) : processed,
        finishedAt: new Date().toISOString(),
      };
      views.forEach((v, i) => Object.assign(v, { state: result.states[i], checkpoint: result.checkpoint, events: processed, lastRebuild }));
    } finally {
      for (const v of views) v.rebuilding = null;
    }
  }

  /** Time travel: the read models folded from the events up to a position, a time, or a number of events, computed on demand. */
  async asOf(names: string[], limit: { position?: bigint; time?: Date; events?: number }): Promise<Map<string, unknown>> {
    const projections = names.map((n) => this.views.get(n)!.projection);
    let taken = 0;
    const { states } = await replay(
      this.store,
      projections,
      projections.map((p) => p.initial()),
      {
        until: (e) =>
          (limit.position === undefined || e.position <= limit.position) &&
          (limit.time === undefined || e.created <= limit.time) &&
          (limit.events === undefined || taken++ < limit.events),
        onInvalid: this.onInvalid,
      },
    );
    return new Map(names.map((n, i) => [n, states[i]]));
  }

  private maxCheckpoint(): bigint {
    return [...this.views.values()].reduce((max, v) => (v.checkpoint > max ? v.checkpoint : max), -1n);
  }

  /** One event from the subscription, into every read model not past it; a turn for the event loop every SLICE_MS. */
  private applyLive(recorded: RecordedEvent): Promise<void> | undefined {
    let projected;
    try {
      projected = toProjected(recorded);
    } catch {
      // Reported by the stored runner (GET /projections), which reads the same events.
    }
    for (const view of this.views.values()) {
      if (recorded.position <= view.checkpoint) continue;
      if (projected) {
        view.state = view.projection.apply(view.state, projected);
        view.processed++;
      }
      view.checkpoint = recorded.position;
      view.events++;
    }
    this.wakeWaiters();
    if (performance.now() - this.sliceStart < SLICE_MS) return undefined;
    return nextTurn().then(() => void (this.sliceStart = performance.now()));
  }

  private skipCorrupt(error: CorruptEventError & { position: bigint }): void {
    for (const view of this.views.values()) {
      if (error.position <= view.checkpoint) continue;
      view.checkpoint = error.position;
      view.events++;
    }
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    this.waiters.wake(this.checkpoint());
  }
}
