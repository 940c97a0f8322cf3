import { createHash } from 'node:crypto';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The form of a body that identity is computed on: Unicode-normalised, whitespace folded. */
export const normaliseBody = (body: string): string => body.normalize('NFKC').replace(/\s+/g, ' ').trim();

export const contentHash = (body: string): string => sha256(normaliseBody(body));

/** Same text, same article: ingestion is idempotent because the id derives from the normalised body. */
export const articleIdFor = (body: string): string => contentHash(body).slice(0, 20);

export const articleStream = (articleId: string): string => `article-${articleId}`;
export const ARTICLE_STREAM_PREFIX = 'article-';
export const articleIdOfStream = (stream: string): string | null =>
  stream.startsWith(ARTICLE_STREAM_PREFIX) ? stream.slice(ARTICLE_STREAM_PREFIX.length) : null;

/**
 * A claim id is stable per article, sentence, type and extractor version: re-running the same
 * extractor finds the same ids, a new version mints new ones. `ordinal` separates claims of one
 * type in one sentence.
 */
export const claimIdFor = (parts: {
  articleId: string;
  recordedBy: string;
  sentenceStart: number;
  type: string;
  ordinal: number;
}): string =>
  'c' + sha256([parts.articleId, parts.recordedBy, parts.sentenceStart, parts.type, parts.ordinal].join('|')).slice(0, 23);
