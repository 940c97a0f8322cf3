import type { Readable } from 'node:stream';
import { StoreUnavailableError } from '../event-store.js';

/** Longest a read of ours may take: pages are bounded (see read-all.ts), so a healthy server answers well within it. */
export const READ_DEADLINE_MS = 10_000;

/**
 * The 6.x client sends every read with no deadline (it overrides the one we could pass), so a
 * server that stops answering mid-read would hold the request forever. Past `ms`, the read is
 * cancelled and fails with StoreUnavailableError. Returns the function that disarms it.
 */
export const armDeadline = (stream: Readable & { cancel?: () => Promise<void> }, what: string, ms = READ_DEADLINE_MS): (() => void) => {
  const timer = setTimeout(() => {
    void stream.cancel?.().catch(() => undefined);
    stream.destroy(new StoreUnavailableError(`EventStoreDB did not finish ${what} within ${ms} ms`));
  }, ms);
  return () => clearTimeout(timer);
};
