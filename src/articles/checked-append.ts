import { isValidArticleEvent, problemsOf, SCHEMA_VERSION, toAppend, type ArticleEvent, type CommandContext } from '../domain/events/index.js';
import { unprocessable } from '../domain/errors.js';
import type { EventToAppend } from '../event-store/event-store.js';


/**
 * Never write what the reader would refuse: each event is checked, as stored (after JSON), by the
 * same decoder that reads streams back. A hole in request validation then costs one 422, instead of
 * a stream that can no longer be loaded.
 */
export const checkedAppend = (stream: string, events: ArticleEvent[], context: CommandContext, firstRevision: bigint): EventToAppend[] => {
  const metadata = { schemaVersion: SCHEMA_VERSION, ...context };
  for (const event of events) {
    const data: unknown = JSON.parse(JSON.stringify(event.data));
    // The allocation-free test accepts exactly what problemsOf accepts; the messages only on a "no".
    if (isValidArticleEvent(event.type, data, metadata)) continue;
    const problems = problemsOf({ streamName: stream, revision: -1n, type: event.type, data, metadata });
    if (problems.length) throw unprocessable(`this ${event.type} cannot be stored: ${problems.join('; ')}`, { problems });
  }
  return toAppend(events, context, firstRevision);
};
