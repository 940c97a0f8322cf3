import { BACKWARDS, END, type EventStoreDBClient, type Position as EsdbPosition } from '@eventstore/db-client';
import type { HeadOptions, Position, ReadAllOptions, RecordedEvent } from '../event-store.js';
import { isSystemEvent, toRecordedEvent } from './events.js';
import { fromEsdbPosition } from './position.js';
import { PAGE, readPage, userEventsForwards } from './user-events.js';

export type ReadAll = (options?: ReadAllOptions) => Promise<RecordedEvent[]>;

export const readAll = (client: EventStoreDBClient): ReadAll => async (options = {}) => {
  if (options.fromPosition !== undefined && options.after !== undefined) throw new RangeError('readAll takes fromPosition or after, not both');
  const max = options.maxCount ?? Infinity;
  const events: RecordedEvent[] = [];
  if (max <= 0) return events;
  for await (const resolved of userEventsForwards(client, { from: options.fromPosition, after: options.after })) {
    if (options.streamPrefix && !resolved.event!.streamId.startsWith(options.streamPrefix)) continue;
    events.push(toRecordedEvent(resolved));
    if (events.length >= max) break;
  }
  return events;
};

/**
 * The newest user event's position (of the prefix's streams). The tail of $all is often the
 * server's own ($stats-… every 30 s) or another client's, so read backwards: one event answers the
 * common case, then larger pages walk past the rest.
 */
export const headPosition = (client: EventStoreDBClient) => async (options: HeadOptions = {}): Promise<Position> => {
  let cursor: EsdbPosition | typeof END = END;
  let pageSize = 1;
  for (;;) {
    const page = await readPage(client, { direction: BACKWARDS, fromPosition: cursor, maxCount: pageSize });
    const before = cursor === END ? undefined : fromEsdbPosition(cursor);
    let oldest: EsdbPosition | undefined;
    for (const resolved of page) {
      const event = resolved.event;
      if (!event) continue;
      // Reading backwards from a position excludes that event; the guard only makes sure we never loop on it.
      if (before !== undefined && fromEsdbPosition(event.position) >= before) continue;
      const ours = !options.streamPrefix || event.streamId.startsWith(options.streamPrefix);
      if (ours && !isSystemEvent(event)) return fromEsdbPosition(event.position);
      oldest = event.position;
    }
    if (page.length < pageSize || !oldest) return -1n;
    cursor = oldest;
    pageSize = PAGE;
  }
};
