import { createHash } from 'node:crypto';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The form of a body that identity is computed on: Unicode-normalised, whitespace folded. */
export const normaliseBody = (body: string): string => body.normalize('NFKC').replace(/\s+/g, ' ').trim();

export const contentHash = (body: string): string => sha256(normaliseBody(body));

/** Same text, same article: ingestion is idempotent because the id derives from the normalised body. */
export const articleIdFor = (body: string): string => articleIdOfHash(contentHash(body));
/** The article id within a body's content hash, for a caller that has the hash already. */
export const articleIdOfHash = (hash: string): string => hash.slice(0, 20);

export const ARTICLE_STREAM_PREFIX = 'article-';
export const articleStream = (articleId: string): string => `${ARTICLE_STREAM_PREFIX}${articleId}`;

export const ARTICLE_ID = /^[0-9a-f]{20}$/;
export const CLAIM_ID = /^([0-9a-f]{20})-[0-9a-f]{12}$/;

/**
 * A claim id is stable per article, sentence, type and recorder (extractor and version, or
 * analyst): re-running the same extractor finds the same ids, a new version mints new ones.
 * It starts with its article's id, so a claim's stream is known without a lookup.
 */
export const claimIdFor = (parts: {
  articleId: string;
  recordedBy: string;
  /** Where the evidence sentence starts, or any other value that tells claims of one recorder apart. */
  anchor: string | number;
  type: string;
  ordinal: number;
}): string =>
  `${parts.articleId}-${sha256([parts.articleId, parts.recordedBy, parts.anchor, parts.type, parts.ordinal].join('|')).slice(0, 12)}`;

export const articleIdOfClaim = (claimId: string): string | null => CLAIM_ID.exec(claimId)?.[1] ?? null;

export const articleIdOfStream = (stream: string): string | null =>
  stream.startsWith(ARTICLE_STREAM_PREFIX) ? stream.slice(ARTICLE_STREAM_PREFIX.length) : null;
