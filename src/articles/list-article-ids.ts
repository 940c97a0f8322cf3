import { ARTICLE_STREAM_PREFIX, articleIdOfStream } from '../domain/ids.js';
import type { EventStore } from '../event-store/event-store.js';

/** Every article id in the store, in the order the articles were ingested (their first events). */
export const listArticleIds = async (store: EventStore, pageSize = 5000): Promise<string[]> => {
  const ids: string[] = [];
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, streamPrefix: ARTICLE_STREAM_PREFIX });
    for (const e of page) {
      if (e.revision === 0n) ids.push(articleIdOfStream(e.streamName)!);
    }
    if (page.length < pageSize) return ids;
    after = page[page.length - 1].position;
  }
};
