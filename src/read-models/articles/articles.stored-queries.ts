// The articles read model's queries over the read-model store: the same answers as
// articles.queries.ts over the reference state, live or as of a position. Outlet, claim type and
// title are terms of the article rows and publication time their sort range, so a listing page is
// one indexed query (a `q` longer than three characters is checked against each title its
// three-character pieces select).
import type { Find, ReadModelReader } from '../../read-model-store/read-model-store.js';
import { claimResponsesOf } from '../claims/claims.stored-queries.js';
import { paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import {
  linkedArticle,
  readingOrder,
  summaryOf,
  titleText,
  visible,
  type ArticleClaim,
  type ArticleDetail,
  type ArticleFilter,
  type LinkedArticle,
  type ArticleSummary,
} from './articles.queries.js';
import type { StoryLink } from './articles.projection.js';
import { articleTerm, copiesTerm, EVERY_ARTICLE, ngrams, ngramTerm, outletTerm, typeTerm } from './articles.stored.js';
import { ARTICLE_CLAIMS, ARTICLE_COPIES, ARTICLE_COUNTS, ARTICLE_TEXTS, ARTICLES, type ArticleRowDoc } from './articles.tables.js';

const summaryOfRow = (doc: ArticleRowDoc, includeRetracted?: boolean): ArticleSummary =>
  summaryOf(doc.head, doc.recordedAt, includeRetracted ? doc.claims.all : doc.claims.live);

// Letters from the most to the least common in English titles: a piece of rarer characters
// (digits, punctuation, other scripts count as rarest) selects fewer titles, so it drives the query.
const COMMON = ' etaoinsrhldcumfpgwybvkxjqz';
const commonness = (gram: string): number => [...gram].reduce((sum, c) => sum + (COMMON.includes(c) ? COMMON.length - COMMON.indexOf(c) : 0), 0);

/** The title terms of `q` (lowercased): itself when three characters or fewer, else its three-character pieces, the rarest first. */
const titleTerms = (q: string): string[] =>
  q.length <= 3
    ? [ngramTerm(q)]
    : ngrams(q, 3)
        .sort((a, b) => commonness(a) - commonness(b))
        .map(ngramTerm);

/** A filter's terms other than the title's: outlet, then type. */
const fieldTerms = (f: ArticleFilter): string[] => [
  ...(f.outlet !== undefined ? [outletTerm(f.outlet)] : []),
  ...(f.type !== undefined ? [typeTerm(f.type, f.includeRetracted)] : []),
];

/** The total the read model keeps for a listing with one field filter or none (no title, no time range). */
const keptTotal = (reader: ReadModelReader, filter: ArticleFilter, terms: readonly string[]): number | undefined =>
  terms.length > 1 || filter.from !== undefined || filter.to !== undefined ? undefined : (reader.get(ARTICLE_COUNTS, terms[0] ?? EVERY_ARTICLE)?.n ?? 0);

/** GET /articles — newest first, then id. Never the bodies. */
export const listArticlesStored = (reader: ReadModelReader, filter: ArticleFilter = {}, page: PageRequest = {}): Page<ArticleSummary> => {
  const q = filter.q ? titleText(filter.q) : undefined;
  const fields = fieldTerms(filter);
  // A three-character piece is rarer than an outlet or a type; one or two characters are not.
  const title = q === undefined ? [] : titleTerms(q);
  const all = q !== undefined && q.length >= 3 ? [...title, ...fields] : [...fields, ...title];
  // Rows sort by minus their time: a publication-time range is reversed.
  const selection: Find<ArticleRowDoc> = {
    table: ARTICLES,
    all: all.length ? all : [EVERY_ARTICLE],
    ...(filter.to === undefined ? {} : { from: -filter.to }),
    ...(filter.from === undefined ? {} : { to: -filter.from }),
  };
  const show = (doc: ArticleRowDoc) => summaryOfRow(doc, filter.includeRetracted);
  if (q !== undefined && q.length > 3) {
    // Every title holding q holds all its pieces; the converse needs checking, title by title.
    const matches = reader.find({ ...selection, count: false }).rows.filter((r) => titleText(r.doc.head.title).includes(q));
    return paginateMap(matches, page, (r) => show(r.doc));
  }
  const { offset, limit } = paginate([], page);
  const total = q === undefined ? keptTotal(reader, filter, fields) : undefined;
  const found = reader.find({ ...selection, offset, limit, count: total === undefined });
  return { items: found.rows.map((r) => show(r.doc)), total: total ?? found.total, offset, limit };
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
  const responses = claimResponsesOf(
    reader,
    refs.map((r) => r.claimId),
  );
  const claimRefs = refs.map((ref): ArticleClaim => {
    const claim = responses.get(ref.claimId);
    return claim ? { ...ref, claim } : { ...ref };
  });
  const { copyOf, copies } = storyLinks(reader, articleId);
  return { ...summaryOfRow(row, opts.includeRetracted), body: text.body, contentHash: text.contentHash, copyOf, copies, claimRefs };
};

/** The article's syndication links, each named by the linked article's title, outlet and date as they now stand. */
const storyLinks = (reader: ReadModelReader, articleId: string): { copyOf: LinkedArticle | null; copies: LinkedArticle[] } => {
  const own = reader.get(ARTICLE_COPIES, articleId);
  const copyOf: StoryLink | null = own ? { articleId: own.original, similarity: own.similarity } : null;
  const copies: StoryLink[] = reader
    .find({ table: ARTICLE_COPIES, all: [copiesTerm(articleId)], count: false })
    .rows.map((r) => ({ articleId: r.key, similarity: r.doc.similarity }));
  const heads = reader.getMany(ARTICLES, [...(copyOf ? [copyOf.articleId] : []), ...copies.map((c) => c.articleId)]);
  const linked = (link: StoryLink) => linkedArticle(link, heads.get(link.articleId)?.head);
  return { copyOf: copyOf && linked(copyOf), copies: copies.map(linked) };
};
