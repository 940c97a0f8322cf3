// The articles read model's queries over the read-model store: the same answers as
// articles.queries.ts over the reference state, live or as of a position. Outlet, claim type and
// title are terms of the article rows and publication time their sort range, so a listing page is
// one indexed query (a `q` longer than three characters is checked against each title its
// three-character pieces select).
import type { Find, ReadModelReader } from '../../read-model-store/read-model-store.js';
import { claimViewsOf } from '../claims/claims.stored-queries.js';
import { paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import {
  readingOrder,
  summaryOf,
  titleText,
  visible,
  type ArticleClaim,
  type ArticleDetail,
  type ArticleFilter,
  type ArticleSummary,
} from './articles.queries.js';
import { articleTerm, ngrams, ngramTerm, typeTerm } from './articles.stored.js';
import { ARTICLE_CLAIMS, ARTICLE_TEXTS, ARTICLES, type ArticleRowDoc } from './articles.tables.js';

const summaryOfRow = (doc: ArticleRowDoc, includeRetracted?: boolean): ArticleSummary =>
  summaryOf(doc.head, doc.recordedAt, includeRetracted ? doc.claims.all : doc.claims.live);

/** The title terms of `q` (lowercased), the most selective first. */
const titleTerms = (q: string): string[] => (q.length <= 3 ? [ngramTerm(q)] : ngrams(q, 3).map(ngramTerm));

/** A filter's terms: the title's three-character pieces first, a shorter `q` after outlet and type (it selects more). */
const articleFilterTerms = (f: ArticleFilter, q: string | undefined): string[] => {
  const title = q ? titleTerms(q) : [];
  const long = q !== undefined && q.length >= 3;
  return [
    ...(long ? title : []),
    ...(f.outlet !== undefined ? [`outlet:${f.outlet}`] : []),
    ...(f.type !== undefined ? [typeTerm(f.type, f.includeRetracted)] : []),
    ...(long ? [] : title),
  ];
};

/** GET /articles — newest first, then id. Never the bodies. */
export const listArticlesStored = (reader: ReadModelReader, filter: ArticleFilter = {}, page: PageRequest = {}): Page<ArticleSummary> => {
  const q = filter.q ? titleText(filter.q) : undefined;
  // Rows sort by minus their time: a publication-time range is reversed.
  const selection: Find<ArticleRowDoc> = {
    table: ARTICLES,
    all: articleFilterTerms(filter, q),
    ...(filter.to === undefined ? {} : { from: -filter.to }),
    ...(filter.from === undefined ? {} : { to: -filter.from }),
  };
  const show = (doc: ArticleRowDoc) => summaryOfRow(doc, filter.includeRetracted);
  if (q !== undefined && q.length > 3) {
    // Every title holding q holds all its pieces; the converse needs checking, title by title.
    const matches = reader.find(selection).rows.filter((r) => titleText(r.doc.head.title).includes(q));
    return paginateMap(matches, page, (r) => show(r.doc));
  }
  const { offset, limit } = paginate([], page);
  const found = reader.find({ ...selection, offset, limit });
  return { items: found.rows.map((r) => show(r.doc)), total: found.total, offset, limit };
};

/** GET /articles/:id — headline, outlet, date, body, and its claims with their evidence offsets. */
export const getArticleStored = (reader: ReadModelReader, articleId: string, opts: { includeRetracted?: boolean } = {}): ArticleDetail | null => {
  const row = reader.get(ARTICLES, articleId);
  const text = reader.get(ARTICLE_TEXTS, articleId);
  if (!row || !text) return null;
  const refs = visible(
    reader.find({ table: ARTICLE_CLAIMS, all: [articleTerm(articleId)] }).rows.map((r) => r.doc),
    opts.includeRetracted,
  ).sort(readingOrder);
  const views = claimViewsOf(
    reader,
    refs.map((r) => r.claimId),
  );
  const claimRefs = refs.map((ref): ArticleClaim => {
    const claim = views.get(ref.claimId);
    return claim ? { ...ref, claim } : { ...ref };
  });
  return { ...summaryOfRow(row, opts.includeRetracted), body: text.body, contentHash: text.contentHash, claimRefs };
};
