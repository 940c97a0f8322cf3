// The in-memory store set up as EventStoreDB behaves: positions are sparse log offsets (p + 1 is
// no event's position and is refused), and an append over 1 MiB is refused.
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { newCommandContext, toAppend } from '../../src/domain/events/index.js';
import { NO_STREAM, type EventStore } from '../../src/event-store/event-store.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { pledgeExtractor } from './fake-extractor.js';

export const EVENTSTOREDB_MAX_APPEND_BYTES = 1_048_576;

export const sparseStore = (): InMemoryEventStore =>
  new InMemoryEventStore({ positions: 'sparse', maxAppendBytes: EVENTSTOREDB_MAX_APPEND_BYTES });

/** The events of a small article with two pledges (three events), numbered so each is new. */
export const pledgeArticle = (i: number) =>
  ingestEvents(articleFromInput({ text: `Ruritania pledged road ${i}. Genovia pledged rail ${i}.` }), pledgeExtractor);

/** Writes `count` articles of three events each, one append per article; returns the last append's position. */
export const writeArticles = async (store: EventStore, count: number, from = 0): Promise<bigint> => {
  let position = -1n;
  for (let i = from; i < from + count; i++) {
    const events = pledgeArticle(i);
    ({ position } = await store.append(`article-${events[0].data.articleId}`, toAppend(events, newCommandContext(), 0n), NO_STREAM));
  }
  return position;
};
