// A feed document's items, the same shape whatever the format: feedsmith parses RSS 2.0, Atom,
// RDF (RSS 1.0) and JSON Feed, each in its own structure; this keeps only what ingestion needs.
import { parseFeed } from 'feedsmith';
import { publicationTime } from '../html/published-time.js';

export interface FeedItem {
  /** What identifies the item across polls: guid / id, else its link, else its title. */
  key: string;
  link: string | null;
  title: string | null;
  publishedAt: string | null;
  /** The whole article when the feed carries it (content:encoded, Atom content, JSON Feed content_html). */
  contentHtml: string | null;
}

type Loose = Record<string, unknown> | undefined;

/** feedsmith gives a text as a string, or as `{ value }` where the format allows a type attribute. */
const text = (v: unknown): string | null => {
  const s = typeof v === 'string' ? v : typeof (v as Loose)?.value === 'string' ? ((v as Loose)!.value as string) : null;
  const t = s?.trim();
  return t ? t : null;
};

const linkOf = (item: Loose): string | null => {
  if (typeof item?.link === 'string') return item.link.trim() || null;
  if (typeof item?.url === 'string') return item.url;
  const links = item?.links as Array<{ href?: string; rel?: string }> | undefined;
  return links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? links?.[0]?.href ?? null;
};

const itemOf = (item: Loose): FeedItem | null => {
  const link = linkOf(item);
  const title = text(item?.title);
  const key = text(item?.guid) ?? text(item?.id) ?? link ?? title;
  if (!key) return null;
  const dc = item?.dc as { dates?: string[]; date?: string } | undefined;
  const content = (item?.content as Loose)?.encoded ?? text(item?.content) ?? item?.content_html;
  return {
    key,
    link,
    title,
    publishedAt: publicationTime(
      text(item?.pubDate) ?? text(item?.published) ?? text(item?.date_published) ?? dc?.dates?.[0] ?? dc?.date ?? text(item?.updated),
    ),
    contentHtml: typeof content === 'string' && content.trim() ? content : null,
  };
};

/** Throws an Error saying why when the document is no feed. */
export const feedItems = (document: string): FeedItem[] => {
  const { feed } = parseFeed(document) as { feed: { items?: Loose[]; entries?: Loose[] } };
  return (feed.items ?? feed.entries ?? []).map(itemOf).filter((i): i is FeedItem => i !== null);
};
