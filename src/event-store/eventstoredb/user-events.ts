import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { Position } from '../event-store.js';
import { armDeadline } from './deadline.js';
import { isSystemEvent } from './events.js';
import { toPortError } from './errors.js';
import { fromEsdbPosition, toEsdbPosition, toReadPosition } from './position.js';

/** Events per request. Pages keep every gRPC read short and bounded, however much of $all is skipped. */
export const PAGE = 512;

export const readPage = async (
  client: EventStoreDBClient,
  options: Parameters<EventStoreDBClient['readAll']>[0],
): Promise<AllStreamResolvedEvent[]> => {
  const page: AllStreamResolvedEvent[] = [];
  const stream = client.readAll(options);
  const disarm = armDeadline(stream, 'a read of $all');
  try {
    for await (const resolved of stream) page.push(resolved);
  } catch (error) {
    throw toPortError(error);
  } finally {
    disarm();
  }
  return page;
};

export interface Start {
  /** Inclusive: an event's position. */
  from?: Position;
  /** Exclusive: a checkpoint. Wins over `from`. */
  after?: Position;
}

/**
 * $all forwards, user events only, still undecoded. Reading $all from a position includes the
 * event there, so "after p" is "from p, without p": no position is ever computed. The 6.x client
 * cannot send a server-side filter with a read, so system events are skipped here, page by page.
 */
export async function* userEventsForwards(client: EventStoreDBClient, start: Start): AsyncGenerator<AllStreamResolvedEvent> {
  let cursor = toReadPosition(start.after ?? start.from);
  let last = start.after ?? -1n;
  for (;;) {
    const page = await readPage(client, { fromPosition: cursor, maxCount: PAGE });
    for (const resolved of page) {
      const event = resolved.event;
      if (!event) continue;
      const position = fromEsdbPosition(event.position);
      // A page starts with the previous page's last event (or the checkpoint's): already seen.
      if (position <= last) continue;
      last = position;
      if (!isSystemEvent(event)) yield resolved;
    }
    if (page.length < PAGE) return;
    cursor = toEsdbPosition(last);
  }
}
