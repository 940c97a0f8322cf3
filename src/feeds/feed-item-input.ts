import type { ArticleInput } from '../articles/ingesting-article/ingest-article.js';
import type { FeedItem } from '../inputs/feeds/feed-items.js';

/**
 * What to ingest for an item: its content when the feed carries the article (content:encoded,
 * Atom content), else the page its link points to, fetched through the same guard. A summary
 * alone is not the article, so it is never ingested in its place.
 */
export const inputOfItem = (item: FeedItem): ArticleInput | null => {
  const meta = { title: item.title, publishedAt: item.publishedAt };
  if (item.contentHtml) return { html: item.contentHtml, url: item.link, ...meta };
  if (item.link) return { url: item.link, ...meta };
  return null;
};
