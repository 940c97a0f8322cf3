import { articleStream } from '../domain/ids.js';
import { decodeArticleEvent } from '../domain/events/index.js';
import { gone, notFound } from '../domain/errors.js';
import { StreamDeletedError, StreamNotFoundError, type EventStore, type RecordedEvent } from '../event-store/event-store.js';
import { evolve, initialArticleState, type ArticleState } from './article-state.js';

export interface LoadedArticle {
  state: ArticleState;
  /** The stream's current revision: the expected revision of the next append. */
  revision: bigint;
}

/**
 * An article's events; null when it never existed. A stream deleted or truncated in the store (on
 * EventStoreDB a truncated stream reads as no events) is gone: a 410, never a crash on an empty list.
 */
export const readArticleStream = async (store: EventStore, articleId: string): Promise<RecordedEvent[] | null> => {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(articleStream(articleId));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    if (error instanceof StreamDeletedError) throw gone(`article ${articleId}`, 'its stream was deleted in the event store');
    throw error;
  }
  if (events.length === 0) throw gone(`article ${articleId}`, 'its stream was truncated in the event store');
  return events;
};

/** Folds an article's stream into its write model; null when the article does not exist. */
export const loadArticle = async (store: EventStore, articleId: string): Promise<LoadedArticle | null> => {
  const events = await readArticleStream(store, articleId);
  if (!events) return null;
  const state = events.reduce((s, e) => evolve(s, decodeArticleEvent(e)), initialArticleState());
  return { state, revision: events[events.length - 1].revision };
};

export const loadExistingArticle = async (store: EventStore, articleId: string): Promise<LoadedArticle> => {
  const loaded = await loadArticle(store, articleId);
  if (!loaded) throw notFound(`article ${articleId}`);
  return loaded;
};
