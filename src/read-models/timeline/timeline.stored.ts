// The log as a stored read model: which position is the Nth article event, and what was known by
// a time. asOf=events:N and asOf=<time> become a position through it (timeline.stored-queries.ts),
// so time travel is an indexed query over the other read models' temporal rows, never a replay.
import { defineStoredReadModel } from '../stored-read-model.js';
import { entryKey, HEAD_KEY, TIMELINE, TIMELINE_HEAD } from './timeline.tables.js';

/** Its own version: the in-memory read models have no timeline (the reference replay counts as it goes). */
export const TIMELINE_VERSION = 1;

export const timelineReadModel = defineStoredReadModel({
  name: 'timeline',
  version: TIMELINE_VERSION,
  tables: [TIMELINE, TIMELINE_HEAD],
  apply: (writer, { position, created }) => {
    const head = writer.get(TIMELINE_HEAD, HEAD_KEY);
    const events = (head?.events ?? 0) + 1;
    const entry = { position: position.toString(), createdBy: Math.max(head?.createdBy ?? -Infinity, created.getTime()) };
    writer.put(TIMELINE, { key: entryKey(events), doc: entry, sort: events });
    writer.put(TIMELINE_HEAD, { key: HEAD_KEY, doc: { ...entry, events } });
  },
});
