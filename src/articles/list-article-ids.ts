import { ARTICLE_STREAM_PREFIX, articleIdOfStream } from '../domain/ids.js';
import type { EventStore } from '../event-store/event-store.js';

/** Every article id in the store, in the order the articles were ingested (their first events). */
export const listArticleIds = async (store: EventStore, pageSize = 5000): Promise<string[]> => {
  const ids: string[] = [];
  let from = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize, streamPrefix: ARTICLE_STREAM_PREFIX });
    for (const e of page) {
      if (e.revision === 0n) ids.push(articleIdOfStream(e.streamName)!);
    }
    if (page.length < pageSize) return ids;
    from = page[page.length - 1].position + 1n;
  }
};
