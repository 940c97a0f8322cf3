// Deciding what an ingest writes: pure, so it is tested without a store or Nest.
import { parseArticleFile } from '../../domain/article-file.js';
import { extractorId, type ClaimExtractor } from '../../domain/claim-extractor.js';
import { articleIdFor, claimIdFor, contentHash } from '../../domain/ids.js';
import { unprocessable } from '../../domain/errors.js';
import type { ArticleEvent, ArticleIngestedData } from '../../domain/events/index.js';

export interface ArticleInput {
  text: string;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  publishedAt?: string | null;
}

/** The text is parsed as an article file; fields given explicitly win over what is inferred. */
export const articleFromInput = (input: ArticleInput): ArticleIngestedData => {
  const parsed = parseArticleFile(input.text);
  if (parsed.body.trim() === '') throw unprocessable('the article has no body text', { field: 'text' });
  const articleId = articleIdFor(parsed.body);
  return {
    articleId,
    title: input.title ?? parsed.title,
    outlet: input.outlet ?? parsed.outlet,
    url: input.url ?? parsed.url,
    publishedAt: input.publishedAt ?? parsed.publishedAt,
    dateline: parsed.dateline,
    section: parsed.section,
    body: parsed.body,
    contentHash: contentHash(parsed.body),
  };
};

/** ArticleIngested and every claim found in it: one append, so a crash leaves all or nothing. */
export const ingestEvents = (article: ArticleIngestedData, extractor: ClaimExtractor): ArticleEvent[] => {
  const recordedBy = extractorId(extractor);
  const ordinals = new Map<string, number>();
  const claims = extractor.extract({ body: article.body, title: article.title, dateline: article.dateline }).map((found) => {
    const slot = `${found.evidence.start}|${found.type}`;
    const ordinal = ordinals.get(slot) ?? 0;
    ordinals.set(slot, ordinal + 1);
    const { type, ...fields } = found;
    const claimId = claimIdFor({ articleId: article.articleId, recordedBy, anchor: found.evidence.start, type, ordinal });
    return { type, data: { claimId, articleId: article.articleId, recordedBy, ...fields } };
  });
  return [{ type: 'ArticleIngested', data: article }, ...claims];
};
