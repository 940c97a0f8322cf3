// The stored articles read model's tables (see articles.stored.ts): one small row per article for
// listings, its text apart (only GET /articles/:id reads bodies), and one row per claim reference.
import type { ClaimType } from '../../domain/claim.js';
import type { ArticleIngestedData } from '../../domain/events/index.js';
import { defineTable } from '../../read-model-store/read-model-store.js';
import type { ArticleClaimRef } from './articles.projection.js';
import type { ArticleHead } from './articles.queries.js';

/** How many claim references an article has: all of them, and those not retracted. */
export interface RefCounts {
  all: number;
  live: number;
}

/** An article as listings read it: no body, and its claim counts kept current by the events. */
export interface ArticleRowDoc {
  head: ArticleHead;
  recordedAt: string;
  claims: RefCounts;
  /** By claim type (types with no reference left are dropped). */
  types: Partial<Record<ClaimType, RefCounts>>;
}

/**
 * Keyed by article id, sorted by minus its time (publishedAt, else recordedAt), so ascending order
 * is newest first, then id. Terms: every article's, outlet, claim types (live and any), the
 * title's n-grams.
 */
export const ARTICLES = defineTable<ArticleRowDoc>('articles');

/** Article id → the ingested event's data, body included. */
export const ARTICLE_TEXTS = defineTable<ArticleIngestedData>('articles.texts');

/** Keyed by article id and claim id, with the term of its article. */
export const ARTICLE_CLAIMS = defineTable<ArticleClaimRef>('articles.claims');

/** Term → how many articles carry it: the totals of the listings with one filter or none. */
export const ARTICLE_COUNTS = defineTable<{ n: number }>('articles.counts');

/** A syndicated copy's link to its story's original (CopyRecognised), keyed by the copy's id. */
export interface CopyLinkDoc {
  original: string;
  similarity: number;
}

/** Sorted by the position it was recognised at, with the term of its original: an original's copies in order. */
export const ARTICLE_COPIES = defineTable<CopyLinkDoc>('articles.copies');
