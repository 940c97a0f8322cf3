import { articleStream } from '../domain/ids.js';
import { decodeArticleEvent } from '../domain/events/index.js';
import { notFound } from '../domain/errors.js';
import { StreamNotFoundError, type EventStore } from '../event-store/event-store.js';
import { evolve, initialArticleState, type ArticleState } from './article-state.js';

export interface LoadedArticle {
  state: ArticleState;
  /** The stream's current revision: the expected revision of the next append. */
  revision: bigint;
}

/** Folds an article's stream into its write model; null when the article does not exist. */
export const loadArticle = async (store: EventStore, articleId: string): Promise<LoadedArticle | null> => {
  try {
    const events = await store.readStream(articleStream(articleId));
    const state = events.reduce((s, e) => evolve(s, decodeArticleEvent(e)), initialArticleState());
    return { state, revision: events[events.length - 1].revision };
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
};

export const loadExistingArticle = async (store: EventStore, articleId: string): Promise<LoadedArticle> => {
  const loaded = await loadArticle(store, articleId);
  if (!loaded) throw notFound(`article ${articleId}`);
  return loaded;
};
