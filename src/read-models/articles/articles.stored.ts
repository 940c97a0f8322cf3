// The articles read model in the read-model store: the reference (articles.projection.ts) folded
// into rows. An article's row keeps its claim counts by type, updated by each claim event, so a
// listing never counts references per request and its filters are terms of that row.
import type { ClaimType } from '../../domain/claim.js';
import type { CopyRecognisedData } from '../../domain/events/index.js';
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { slug } from '../claim-key.js';
import type { ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { articlesProjection, type ArticleClaimRef } from './articles.projection.js';
import { articleHead, titleText } from './articles.queries.js';
import { ARTICLE_CLAIMS, ARTICLE_COPIES, ARTICLE_COUNTS, ARTICLE_TEXTS, ARTICLES, type ArticleRowDoc, type RefCounts } from './articles.tables.js';

// Below every character of an id, so one article's references sort together.
const SEPARATOR = '\u0001';
export const refKey = (articleId: string, claimId: string): string => `${articleId}${SEPARATOR}${claimId}`;
export const articleTerm = (articleId: string): string => `article:${articleId}`;

/** A claim type any reference of the article has, or a live one has. */
export const typeTerm = (type: ClaimType, includeRetracted: boolean | undefined): string => `${includeRetracted ? 'type' : 'live-type'}:${type}`;

/**
 * The distinct pieces of up to three characters of a text: `q` of three characters or fewer is a
 * substring exactly when it is one of them; a longer `q` only where all its three-character ones are.
 */
export const ngrams = (text: string, n: number): string[] => {
  const out = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) out.add(text.slice(i, i + n));
  return [...out];
};
export const ngramTerm = (gram: string): string => `title${gram.length}:${gram}`;

/**
 * Every article's term: listings drive by it (a term's versions change only with the row's time
 * or terms, not with each claim count, so an asOf listing walks them in order).
 */
export const EVERY_ARTICLE = '*';
export const outletTerm = (outlet: string): string => `outlet:${outlet}`;

/** The terms whose listings GET /articles pages alone: ARTICLE_COUNTS keeps their totals. */
const countedTerms = (doc: ArticleRowDoc): string[] => {
  const terms = [EVERY_ARTICLE];
  if (doc.head.outlet !== null) terms.push(outletTerm(slug(doc.head.outlet)));
  for (const [type, counts] of Object.entries(doc.types) as Array<[ClaimType, RefCounts]>) {
    terms.push(typeTerm(type, true));
    if (counts.live) terms.push(typeTerm(type, false));
  }
  return terms;
};

const titleTerms = (doc: ArticleRowDoc): string[] => {
  const title = titleText(doc.head.title);
  return [1, 2, 3].flatMap((n) => ngrams(title, n).map(ngramTerm));
};

/** Counts the terms the new row carries and the old one did not, and uncounts the reverse. */
const recount = (w: ReadModelWriter, old: readonly string[], next: readonly string[]): void => {
  const bump = (term: string, by: 1 | -1) => {
    const n = (w.get(ARTICLE_COUNTS, term)?.n ?? 0) + by;
    if (n) w.put(ARTICLE_COUNTS, { key: term, doc: { n } });
    else w.remove(ARTICLE_COUNTS, term);
  };
  for (const term of old) if (!next.includes(term)) bump(term, -1);
  for (const term of next) if (!old.includes(term)) bump(term, 1);
};

/** Writes an article's row; `old` is the row it replaces, if any. */
const writeRow = (w: ReadModelWriter, old: ArticleRowDoc | undefined, doc: ArticleRowDoc): void => {
  const counted = countedTerms(doc);
  recount(w, old ? countedTerms(old) : [], counted);
  const time = effectiveTime(doc.head.publishedAt, doc.recordedAt);
  w.put(ARTICLES, { key: doc.head.articleId, doc, sort: -time, terms: [...counted, ...titleTerms(doc)].sort() });
};

/** Adds (+1) or takes away (-1) a reference from its article's counts. */
const count = (doc: ArticleRowDoc, ref: ArticleClaimRef, by: 1 | -1): void => {
  const types = (doc.types[ref.type] ??= { all: 0, live: 0 });
  for (const counts of [doc.claims, types]) {
    counts.all += by;
    if (!ref.retracted) counts.live += by;
  }
  if (!types.all) delete doc.types[ref.type];
};

/** Replaces a reference (absent: none before, or none after) and updates its article's counts. */
const replaceRef = (w: ReadModelWriter, row: ArticleRowDoc, old: ArticleClaimRef | undefined, ref: ArticleClaimRef): void => {
  const doc: ArticleRowDoc = structuredClone(row);
  if (old) count(doc, old, -1);
  count(doc, ref, 1);
  w.put(ARTICLE_CLAIMS, { key: refKey(doc.head.articleId, ref.claimId), doc: ref, terms: [articleTerm(doc.head.articleId)] });
  writeRow(w, row, doc);
};

const applyArticle = (w: ReadModelWriter, data: Extract<ProjectedEvent['event'], { type: 'ArticleIngested' }>['data'], at: string): void => {
  const existing = w.get(ARTICLES, data.articleId);
  w.put(ARTICLE_TEXTS, { key: data.articleId, doc: data });
  const doc = { head: articleHead(data), recordedAt: at, claims: existing?.claims ?? { all: 0, live: 0 }, types: existing?.types ?? {} };
  writeRow(w, existing, doc);
};

type RefEvent = Exclude<ProjectedEvent['event'], { type: 'ArticleIngested' | 'ArticleWithdrawn' | 'CopyRecognised' }>;

/** The changed reference a correction or retraction makes, or null when it changes none. */
const changedRef = (event: RefEvent, ref: ArticleClaimRef): ArticleClaimRef | null => {
  if (event.type === 'ClaimRetracted') return { ...ref, retracted: true };
  if (event.type !== 'ClaimCorrected') return null;
  const { type, evidence } = event.data.changes;
  return { ...ref, ...(type ? { type } : {}), ...(evidence ? { start: evidence.start, end: evidence.end } : {}) };
};

const applyToRef = (w: ReadModelWriter, event: RefEvent): void => {
  const { articleId, claimId } = event.data;
  const doc = w.get(ARTICLES, articleId);
  if (!doc) return;
  const old = w.get(ARTICLE_CLAIMS, refKey(articleId, claimId));
  if (isClaimEvent(event)) {
    const { start, end } = event.data.evidence;
    replaceRef(w, doc, old, { claimId, type: event.type, start, end, retracted: false });
  } else if (old) {
    const ref = changedRef(event, old);
    if (ref) replaceRef(w, doc, old, ref);
  }
};

/** A withdrawn article leaves with its text, its claim references and its counts; a forced re-ingest starts afresh. */
const withdraw = (w: ReadModelWriter, articleId: string): void => {
  const row = w.get(ARTICLES, articleId);
  if (row) recount(w, countedTerms(row), []);
  w.remove(ARTICLES, articleId);
  w.remove(ARTICLE_TEXTS, articleId);
  for (const ref of w.find({ table: ARTICLE_CLAIMS, all: [articleTerm(articleId)], count: false }).rows) w.remove(ARTICLE_CLAIMS, ref.key);
  // A withdrawn copy leaves its story's links; a forced re-ingest is recognised again.
  w.remove(ARTICLE_COPIES, articleId);
};

export const copiesTerm = (originalId: string): string => `copies-of:${originalId}`;

/** The first recognition of a copy stands (as in the reference); its original lists it in that order. */
const applyCopy = (w: ReadModelWriter, { articleId, originalArticleId, similarity }: CopyRecognisedData, position: bigint): void => {
  if (w.get(ARTICLE_COPIES, articleId)) return;
  w.put(ARTICLE_COPIES, { key: articleId, doc: { original: originalArticleId, similarity }, sort: Number(position), terms: [copiesTerm(originalArticleId)] });
};

export const applyToStoredArticles = (w: ReadModelWriter, { event, created, position }: ProjectedEvent): void => {
  if (event.type === 'ArticleIngested') applyArticle(w, event.data, isoTime(created));
  else if (event.type === 'ArticleWithdrawn') withdraw(w, event.data.articleId);
  else if (event.type === 'CopyRecognised') applyCopy(w, event.data, position);
  else applyToRef(w, event);
};

export const storedArticles = defineStoredReadModel({
  name: 'articles',
  // One version for one meaning: the reference's.
  version: articlesProjection.version,
  tables: [ARTICLES, ARTICLE_TEXTS, ARTICLE_CLAIMS, ARTICLE_COUNTS, ARTICLE_COPIES],
  apply: applyToStoredArticles,
});
