// Deciding what an ingest writes: pure, so it is tested without a store or Nest.
import { parseArticleFile } from '../../domain/article-file.js';
import { readHtmlArticle } from '../../inputs/html/read-html-article.js';
import { extractorId, type ArticleText, type ClaimExtractor, type ExtractedClaim } from '../../domain/claim-extractor.js';
import { articleIdOfHash, claimIdFor, contentHash } from '../../domain/ids.js';
import { unprocessable } from '../../domain/errors.js';
import type { ArticleEvent, ArticleIngestedData, CopyRecognised } from '../../domain/events/index.js';
import type { ArticleState } from '../article-state.js';
import { withdrawnConflict } from '../withdrawn.js';

/** Plain text laid out like wire copy, or a web page's HTML (with the address it came from). */
export interface ArticleInput {
  text?: string | null;
  html?: string | null;
  title?: string | null;
  outlet?: string | null;
  url?: string | null;
  publishedAt?: string | null;
}

/** The article an input holds; fields given explicitly win over what is read from the text or page. */
export const articleFromInput = (input: ArticleInput): ArticleIngestedData =>
  typeof input.html === 'string' ? articleFromHtml(input as ArticleInput & { html: string }) : articleFromText(input);

const articleFromText = (input: ArticleInput): ArticleIngestedData => {
  const parsed = parseArticleFile(input.text ?? '');
  if (parsed.body.trim() === '') throw unprocessable('the article has no body text', { field: 'text' });
  // One hash of the body (a megabyte's takes tens of milliseconds): the id is its prefix.
  const hash = contentHash(parsed.body);
  return {
    articleId: articleIdOfHash(hash),
    title: input.title ?? parsed.title,
    outlet: input.outlet ?? parsed.outlet,
    url: input.url ?? parsed.url,
    publishedAt: input.publishedAt ?? parsed.publishedAt,
    dateline: parsed.dateline,
    section: parsed.section,
    body: parsed.body,
    contentHash: hash,
  };
};

/** A web page: Readability's story, as paragraphs; the page's metadata where the input gives none. */
const articleFromHtml = (input: ArticleInput & { html: string }): ArticleIngestedData => {
  const page = readHtmlArticle(input.html, input.url ?? null);
  if (page.body.trim() === '') throw unprocessable('the page has no article text (only navigation, scripts or nothing readable)', { field: 'html' });
  const hash = contentHash(page.body);
  return {
    articleId: articleIdOfHash(hash),
    title: input.title ?? page.title,
    outlet: input.outlet ?? page.outlet,
    url: page.url ?? input.url ?? null,
    publishedAt: input.publishedAt ?? page.publishedAt,
    dateline: null,
    section: null,
    byline: page.byline,
    language: page.language,
    body: page.body,
    contentHash: hash,
  };
};

/** What the extractor reads of an article. */
export const textOf = (article: ArticleIngestedData): ArticleText => ({ body: article.body, title: article.title, dateline: article.dateline });

/** ArticleIngested, CopyRecognised when the body is a syndicated copy, and every claim the extractor finds in it. */
export const ingestEvents = (article: ArticleIngestedData, extractor: ClaimExtractor, copy: CopyRecognised | null = null): ArticleEvent[] =>
  articleEvents(article, extractorId(extractor), extractor.extract(textOf(article)), copy);

/**
 * ArticleIngested, the copy it is (if any) and the claims `recordedBy` found in it, each with its
 * id: one append, so a crash leaves all or nothing; the copy comes before the claims, so the read models
 * know a claim's article is a copy when the claim arrives.
 */
export const articleEvents = (
  article: ArticleIngestedData,
  recordedBy: string,
  found: ExtractedClaim[],
  copy: CopyRecognised | null = null,
): ArticleEvent[] => {
  const ordinals = new Map<string, number>();
  const claims = found.map((claim) => {
    const slot = `${claim.evidence.start}|${claim.type}`;
    const ordinal = ordinals.get(slot) ?? 0;
    ordinals.set(slot, ordinal + 1);
    const { type, ...fields } = claim;
    const claimId = claimIdFor({ articleId: article.articleId, recordedBy, anchor: claim.evidence.start, type, ordinal });
    return { type, data: { claimId, articleId: article.articleId, recordedBy, ...fields } };
  });
  return [{ type: 'ArticleIngested', data: article }, ...(copy ? [copy] : []), ...claims];
};

/**
 * The text of an article already in the store: true when it is to be written again (withdrawn and
 * forced: a re-instatement), false when it is there and nothing is written; withdrawn and not
 * forced is a 409 naming the withdrawal.
 */
export const reinstatesWithdrawn = (state: ArticleState, force: boolean): boolean => {
  if (!state.withdrawal) return false;
  if (!force) throw withdrawnConflict(state.withdrawal, 'to ingest it again, send force: true (CLI: --force)');
  return true;
};
