// A web page in, the article out: its text as paragraphs and what the page says about it.
// linkedom builds the DOM (no browser, no scripts run); Mozilla's Readability finds the story and
// reads byline, site name, language and JSON-LD; we only strip furniture first and keep paragraphs.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { unprocessable } from '../../domain/errors.js';
import { MAX_NESTING, nestedDeeperThan } from './nesting.js';
import { FURNITURE_NAME, FURNITURE_SELECTORS, POINTER_LINE, STORY_CONTAINERS } from './boilerplate.js';
import { paragraphsOf, type TextNodeLike } from './paragraphs.js';
import { publicationTime } from './published-time.js';

export interface HtmlArticle {
  title: string | null;
  byline: string | null;
  /** The outlet that published the page (og:site_name, application-name, JSON-LD publisher). */
  outlet: string | null;
  publishedAt: string | null;
  /** The page's canonical address, resolved against the address it was fetched from. */
  url: string | null;
  language: string | null;
  /** Paragraphs separated by a blank line; empty when the page has no article text. */
  body: string;
}

interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
  tagName: string;
  remove(): void;
}
interface Doc {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  documentElement: El | null;
  body: El | null;
}

const clean = (s: string | null | undefined, max = 500): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t.slice(0, max);
};

const meta = (doc: Doc, ...names: string[]): string | null => {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = clean(el?.getAttribute('content'));
    if (value) return value;
  }
  return null;
};

const absolute = (href: string | null, base: string | null): string | null => {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

const removeFurniture = (doc: Doc): void => {
  for (const el of Array.from(doc.querySelectorAll(FURNITURE_SELECTORS))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    if (STORY_CONTAINERS.has(el.tagName)) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE_NAME.test(names)) el.remove();
  }
};

/** Paragraphs that are the story: not a pointer to another one, not the byline or headline repeated. */
const storyParagraphs = (paragraphs: string[], byline: string | null, title: string | null): string[] =>
  paragraphs.filter((p) => !POINTER_LINE.test(p) && p !== byline && p !== title && !(byline && p === `By ${byline}`));

const tooDeep = () =>
  unprocessable(`the page nests elements more than ${MAX_NESTING} deep; no news page does, and reading it would take minutes`, { field: 'html' });

const parsePage = (html: string): Doc => {
  let document: Doc;
  try {
    document = (parseHTML(html) as unknown as { document: Doc }).document;
  } catch (error) {
    // linkedom recurses per level of nesting: a page nested thousands deep overflows the stack.
    if (error instanceof RangeError) throw tooDeep();
    throw error;
  }
  if (document.documentElement && nestedDeeperThan(document.documentElement as never, MAX_NESTING)) throw tooDeep();
  return document;
};

/** Throws a 422 DomainError for a page too deeply nested to read; an unreadable page has an empty body. */
export const readHtmlArticle = (html: string, pageUrl: string | null = null): HtmlArticle => {
  // linkedom gives a fragment ("<p>..</p>", or nothing) no document element; Readability needs one.
  const wrapped = `<!doctype html><html><head></head><body>${html}</body></html>`;
  let document = parsePage(/<html[\s>]/i.test(html) ? html : wrapped);
  // An <html> tag after other markup leaves linkedom's document without a body, which Readability needs.
  if (document.documentElement && !document.body) document = parsePage(wrapped);
  if (!document.documentElement) return { title: null, byline: null, outlet: null, publishedAt: null, url: absolute(pageUrl, null), language: null, body: '' };
  // Read before Readability runs: it rewrites the document as it goes.
  const ogTitle = meta(document, 'og:title', 'twitter:title');
  const outletMeta = meta(document, 'og:site_name', 'application-name');
  const publishedMeta = meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date');
  const timeElement = document.querySelector('time[datetime]') ?? document.querySelector('time');
  const timeText = timeElement?.getAttribute('datetime') ?? clean(timeElement?.textContent);
  const canonical = absolute(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url'), pageUrl);
  const declaredLanguage = clean(document.documentElement?.getAttribute('lang'), 35) ?? meta(document, 'og:locale', 'content-language');
  const headline = clean(document.querySelector('h1')?.textContent);

  removeFurniture(document);
  let found;
  try {
    found = new Readability(document, { serializer: (node: unknown) => node as TextNodeLike }).parse();
  } catch (error) {
    // Readability assumes a browser-shaped document; markup it trips on is a page we cannot read, not a server fault.
    throw unprocessable(`the page could not be read as an article (${(error as Error).message})`, { field: 'html' });
  }
  const byline = clean(found?.byline?.replace(/^by\s+/i, ''), 200);
  const title = ogTitle ?? headline ?? clean(found?.title);
  const paragraphs = found?.content ? storyParagraphs(paragraphsOf(found.content), byline, title) : [];
  return {
    title,
    byline,
    outlet: outletMeta ?? clean(found?.siteName, 200),
    publishedAt: publicationTime(publishedMeta) ?? publicationTime(found?.publishedTime) ?? publicationTime(timeText),
    url: canonical ?? absolute(pageUrl, null),
    language: declaredLanguage ?? clean(found?.lang, 35),
    body: paragraphs.join('\n\n'),
  };
};
