// Read-your-writes for both runners: a caller waits until every read model has a position.

interface Waiter {
  position: bigint;
  resolve(): void;
}

/** Callers waiting for a log position; the runner wakes them as its lowest checkpoint moves. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  /** Resolves true once `wake` is called with a position at or past `position`, false after `timeoutMs`. */
  wait(position: bigint, reached: bigint, timeoutMs: number): Promise<boolean> {
    if (reached >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      const waiter = { position, resolve: () => (clearTimeout(timer), resolve(true)) };
      this.waiters.push(waiter);
    });
  }

  /** True when a caller waits for a position at or before `reached` (the runner then commits). */
  waitsFor(reached: bigint): boolean {
    return this.waiters.some((w) => w.position <= reached);
  }

  wake(reached: bigint): void {
    const ready = this.waiters.filter((w) => w.position <= reached);
    this.waiters = this.waiters.filter((w) => w.position > reached);
    for (const w of ready) w.resolve();
  }
}
