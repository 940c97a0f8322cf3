import type { EventStoreDBClient } from '@eventstore/db-client';
import type { CountEventsOptions } from '../event-store.js';
import { userEventsForwards } from './user-events.js';

export type CountEvents = (options?: CountEventsOptions) => Promise<number>;

/**
 * Counted by reading $all after the position, without decoding: the server has no count. Callers
 * pass a limit (the lag of a read model that follows is a page at most), which bounds the read.
 */
export const countEvents = (client: EventStoreDBClient): CountEvents => async (options = {}) => {
  const limit = options.limit ?? Infinity;
  let count = 0;
  if (count >= limit) return count;
  for await (const resolved of userEventsForwards(client, { after: options.after })) {
    if (options.streamPrefix && !resolved.event!.streamId.startsWith(options.streamPrefix)) continue;
    if (++count >= limit) break;
  }
  return count;
};
