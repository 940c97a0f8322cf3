import { articleLead } from '../../domain/article-lead.js';
import type { ClaimType } from '../../domain/claim.js';
import type { ArticleIngestedData } from '../../domain/events/index.js';
import type { ClaimsState } from '../claims/claims.projection.js';
import { toClaimResponse, type ClaimResponse } from '../claims/claims.queries.js';
import { slug } from '../claim-key.js';
import { inRange, type TimeRange } from '../shared/dates.js';
import { compareStrings, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import type { ArticleClaimRef, ArticleEntry, ArticlesState, StoryLink } from './articles.projection.js';

export interface ArticleFilter extends TimeRange {
  /** Slug of the outlet name. */
  outlet?: string;
  /** Substring of the title, case-insensitive. */
  q?: string;
  /** Only articles with at least one live claim of this type. */
  type?: ClaimType;
  includeRetracted?: boolean;
}

export interface ArticleSummary {
  articleId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  dateline: string | null;
  section: string | null;
  /** The body's first words: with the dateline, what names an article without a headline (article-lead.ts). */
  lead: string | null;
  recordedAt: string;
  claims: number;
}

/** The references an answer shows: retracted ones only when asked for. */
export const visible = (refs: ArticleClaimRef[], includeRetracted?: boolean): ArticleClaimRef[] => refs.filter((c) => includeRetracted || !c.retracted);

/** The fields of an article a listing shows, in the order it shows them. */
export type ArticleHead = Pick<ArticleIngestedData, 'articleId' | 'title' | 'outlet' | 'url' | 'publishedAt' | 'dateline' | 'section'> & {
  lead: string | null;
};

/** The body's opening is enough for its first words: a long body is not split whole. */
const LEAD_SOURCE_CHARS = 2000;

/** Just those fields, and the first words of its body (an article's event data has more: its body, hash, byline...). */
export const articleHead = (data: Omit<ArticleHead, 'lead'> & Pick<ArticleIngestedData, 'body'>): ArticleHead => {
  const { articleId, title, outlet, url, publishedAt, dateline, section, body } = data;
  return { articleId, title, outlet, url, publishedAt, dateline, section, lead: articleLead(body.slice(0, LEAD_SOURCE_CHARS)) };
};

/** An article as GET /articles lists it, with how many claims it shows. */
export const summaryOf = (
  { articleId, title, outlet, url, publishedAt, dateline, section, lead }: ArticleHead,
  recordedAt: string,
  claims: number,
): ArticleSummary => ({ articleId, title, outlet, url, publishedAt, dateline, section, lead, recordedAt, claims });

const summary = (e: ArticleEntry, includeRetracted?: boolean): ArticleSummary =>
  summaryOf(articleHead(e.article), e.recordedAt, visible(e.claims, includeRetracted).length);

/** What `q` matches: a case-insensitive substring of the title. */
export const titleText = (title: string | null): string => (title ?? '').toLowerCase();

/** Reading order: evidence start, end, then id. */
export const readingOrder = (a: ArticleClaimRef, b: ArticleClaimRef): number => a.start - b.start || a.end - b.end || compareStrings(a.claimId, b.claimId);

/** GET /articles — newest first, then id. Never the bodies. */
export const listArticles = (state: ArticlesState, filter: ArticleFilter = {}, page: PageRequest = {}): Page<ArticleSummary> => {
  const q = filter.q?.toLowerCase();
  const matches = [...state.articles.values()].filter(
    (e) =>
      (!filter.outlet || (e.article.outlet !== null && slug(e.article.outlet) === filter.outlet)) &&
      (!q || titleText(e.article.title).includes(q)) &&
      (!filter.type || visible(e.claims, filter.includeRetracted).some((c) => c.type === filter.type)) &&
      inRange(e.time, filter),
  );
  matches.sort((a, b) => b.time - a.time || compareStrings(a.article.articleId, b.article.articleId));
  return paginateMap(matches, page, (e) => summary(e, filter.includeRetracted));
};

export interface ArticleClaim extends ArticleClaimRef {
  /** The whole claim, when the claims read model is given. */
  claim?: ClaimResponse;
}

/** An article linked by syndication, as the article page names it. */
export interface LinkedArticle extends StoryLink {
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  body: string;
  contentHash: string;
  /** The story's original when this article is a syndicated copy of it; null otherwise. */
  copyOf: LinkedArticle | null;
  /** The syndicated copies of this article, in the order recognised (an original's only). */
  copies: LinkedArticle[];
  /** In reading order (evidence start), then id. */
  claimRefs: ArticleClaim[];
}

/** GET /articles/:id — headline, outlet, date, body, and its claims with their evidence offsets. */
export const getArticle = (state: ArticlesState, articleId: string, opts: { claims?: ClaimsState; includeRetracted?: boolean } = {}): ArticleDetail | null => {
  const e = state.articles.get(articleId);
  if (!e) return null;
  const refs = visible(e.claims, opts.includeRetracted)
    .slice()
    .sort(readingOrder)
    .map((ref): ArticleClaim => {
      const record = opts.claims?.claims.get(ref.claimId);
      return record ? { ...ref, claim: toClaimResponse(opts.claims!, record) } : { ...ref };
    });
  const copyOf = state.copyOf.get(articleId);
  return {
    ...summary(e, opts.includeRetracted),
    body: e.article.body,
    contentHash: e.article.contentHash,
    copyOf: copyOf ? linked(state, copyOf) : null,
    copies: (state.copies.get(articleId) ?? []).map((link) => linked(state, link)),
    claimRefs: refs,
  };
};

const linked = (state: ArticlesState, link: StoryLink): LinkedArticle => linkedArticle(link, state.articles.get(link.articleId)?.article);

/** A link named by the linked article (absent: not recorded). */
export const linkedArticle = (link: StoryLink, article: Pick<ArticleHead, 'title' | 'outlet' | 'publishedAt'> | undefined): LinkedArticle => ({
  ...link,
  title: article?.title ?? null,
  outlet: article?.outlet ?? null,
  publishedAt: article?.publishedAt ?? null,
});
