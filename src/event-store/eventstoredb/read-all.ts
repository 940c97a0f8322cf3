import { BACKWARDS, END, type AllStreamResolvedEvent, type EventStoreDBClient, type Position as EsdbPosition } from '@eventstore/db-client';
import type { Position, ReadAllOptions, RecordedEvent } from '../event-store.js';
import { isSystemEvent, toRecordedEvent } from './events.js';
import { fromEsdbPosition, toEsdbPosition, toReadPosition } from './position.js';

export type ReadAll = (options?: ReadAllOptions) => Promise<RecordedEvent[]>;

/** Events per request. Pages keep every gRPC read short and bounded, however much of $all is skipped. */
const PAGE = 512;

const readPage = async (
  client: EventStoreDBClient,
  options: Parameters<EventStoreDBClient['readAll']>[0],
): Promise<AllStreamResolvedEvent[]> => {
  const page: AllStreamResolvedEvent[] = [];
  for await (const resolved of client.readAll(options)) page.push(resolved);
  return page;
};

/**
 * $all forwards from `from` (inclusive), user events only. The 6.x client cannot send a server-side
 * filter with a read (it always asks for no filter), so system events and other prefixes are
 * skipped here, page by page.
 */
async function* userEventsForwards(client: EventStoreDBClient, from: Position | undefined): AsyncGenerator<RecordedEvent> {
  let cursor = toReadPosition(from);
  let last = -1n;
  for (;;) {
    const page = await readPage(client, { fromPosition: cursor, maxCount: PAGE });
    for (const resolved of page) {
      const event = resolved.event;
      if (!event) continue;
      const position = fromEsdbPosition(event.position);
      // A page starts with the previous page's last event: reading $all from a position includes it.
      if (position <= last) continue;
      last = position;
      if (!isSystemEvent(event)) yield toRecordedEvent(resolved);
    }
    if (page.length < PAGE) return;
    cursor = toEsdbPosition(last);
  }
}

export const readAll = (client: EventStoreDBClient): ReadAll => async (options = {}) => {
  const max = options.maxCount ?? Infinity;
  const events: RecordedEvent[] = [];
  if (max <= 0) return events;
  for await (const event of userEventsForwards(client, options.fromPosition)) {
    if (options.streamPrefix && !event.streamName.startsWith(options.streamPrefix)) continue;
    events.push(event);
    if (events.length >= max) break;
  }
  return events;
};

/**
 * The newest user event's position. The tail of $all is often the server's own ($stats-… every
 * 30 s), so read backwards: one event answers the common case, then larger pages walk past system events.
 */
export const headPosition = (client: EventStoreDBClient) => async (): Promise<Position> => {
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
      if (!isSystemEvent(event)) return fromEsdbPosition(event.position);
      oldest = event.position;
    }
    if (page.length < pageSize || !oldest) return -1n;
    cursor = oldest;
    pageSize = PAGE;
  }
};
