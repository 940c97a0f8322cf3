// Whether an article is withdrawn, read from its stream: the read models drop a withdrawn article, so a
// link to it finds it only in its events (which the article page reads anyway for the revision).
import type { ArticleWithdrawnData, StreamEvent } from './types.js';

export interface WithdrawnArticle {
  withdrawal: ArticleWithdrawnData;
  /** The headline it had, from its last ArticleIngested. */
  title: string | null;
}

/** The withdrawal in force: the last ArticleWithdrawn when no ArticleIngested (a forced re-ingest) came after it; else null. */
export const withdrawnFrom = (events: StreamEvent[]): WithdrawnArticle | null => {
  let found: WithdrawnArticle | null = null;
  let title: string | null = null;
  for (const e of events) {
    if (e.type === 'ArticleIngested') {
      title = (e.data.title as string | null) ?? null;
      found = null;
    } else if (e.type === 'ArticleWithdrawn') found = { withdrawal: e.data as unknown as ArticleWithdrawnData, title };
  }
  return found;
};
