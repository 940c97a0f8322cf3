// The read models' one subscription to the log, kept alive: the client does not resubscribe after a
// dropped connection, and a subscription that ends (cleanly or not) must not leave the read models frozen.
import { CorruptEventError, type EventStore, type RecordedEvent, type Subscription } from '../event-store/event-store.js';

export type FollowState = 'starting' | 'following' | 'reconnecting' | 'stopped';

export interface FollowStatus {
  state: FollowState;
  /** When it entered this state. */
  since: string;
  /** Subscriptions lost and opened again since the start. */
  reconnects: number;
  /** Why the last subscription was lost, if one was. */
  lastError: string | null;
}

export interface FollowHandlers {
  /** Runs before each subscription until it succeeds once (restoring saved read models needs the store). */
  prepare(): Promise<void>;
  /** The checkpoint to resubscribe from: everything up to it is applied. */
  from(): bigint;
  /** May return a promise (a batch being written, a turn given to the event loop): the next event waits for it. */
  onEvent(recorded: RecordedEvent): void | Promise<void>;
  /** An event no reader can decode: reported, and the follower resubscribes after it. */
  onCorrupt(error: CorruptEventError & { position: bigint }): void | Promise<void>;
}

export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

const DEFAULT_RETRY: RetryDelays = { firstMs: 100, maxMs: 5000 };

export class LogFollower {
  private current: FollowStatus = { state: 'starting', since: new Date().toISOString(), reconnects: 0, lastError: null };
  private subscription: Subscription | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private prepared = false;
  /** Set by resubscribe: why the current subscription is being closed. */
  private resubscribing: string | null = null;
  private wakeSleep: (() => void) | null = null;
  private firstAttempt!: Promise<void>;
  private firstAttemptDone!: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly streamPrefix: string,
    private readonly handlers: FollowHandlers,
    private readonly retry: RetryDelays = DEFAULT_RETRY,
  ) {
    this.firstAttempt = new Promise((resolve) => (this.firstAttemptDone = resolve));
  }

  /** Resolves once the first subscription is open, or has failed and retries are under way; never rejects. */
  start(): Promise<void> {
    this.loop ??= this.run();
    return this.firstAttempt;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeSleep?.();
    await this.subscription?.close().catch(() => undefined);
    await this.loop;
    this.set('stopped');
  }

  /**
   * Closes the current subscription so the log is read again from `from()` after the usual delay:
   * for a reader that could not keep what it was given.
   */
  resubscribe(reason: string): void {
    this.resubscribing = reason;
    void this.subscription?.close().catch(() => undefined);
  }

  status(): FollowStatus {
    return { ...this.current };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let subscription: Subscription | null = null;
      try {
        if (failures > 0) await this.store.ping();
        if (!this.prepared) {
          await this.handlers.prepare();
          this.prepared = true;
        }
        subscription = this.store.subscribe({ fromPosition: this.handlers.from(), streamPrefix: this.streamPrefix });
        this.subscription = subscription;
        this.set('following');
        this.firstAttemptDone();
        for await (const recorded of subscription) {
          const applying = this.handlers.onEvent(recorded);
          if (applying) await applying;
          failures = 0;
        }
        if (this.stopping) break;
        throw new Error(this.resubscribing ?? 'the subscription to the log ended without being closed');
      } catch (error) {
        if (this.stopping) break;
        if (error instanceof CorruptEventError && error.position !== undefined) {
          await this.handlers.onCorrupt(error as CorruptEventError & { position: bigint });
          continue;
        }
        this.resubscribing = null;
        failures++;
        this.current.reconnects++;
        this.current.lastError = (error as Error).message;
        this.set('reconnecting');
        this.firstAttemptDone();
        await this.sleep(Math.min(this.retry.maxMs, this.retry.firstMs * 2 ** (failures - 1)));
      } finally {
        await subscription?.close().catch(() => undefined);
      }
    }
    this.firstAttemptDone();
  }

  private set(state: FollowState): void {
    if (this.current.state !== state) this.current = { ...this.current, state, since: new Date().toISOString() };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeSleep = done;
    });
  }
}
