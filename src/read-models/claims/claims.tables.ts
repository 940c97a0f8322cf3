// The stored claims read model's tables (see claims.stored.ts): one row per claim in listing
// order, where to find a claim's row by its id, and what claims show of each article.
import { defineTable } from '../../read-model-store/read-model-store.js';
import type { ClaimArticle } from './claims.queries.js';
import type { ArticleMeta, ClaimRecord } from './claims.projection.js';

/** A claim's row: its record and what it shows of its article (written again when the article is). */
export interface ClaimDoc {
  record: ClaimRecord;
  article: ClaimArticle;
}

/**
 * Keyed by the claim's place (article, evidence start, id: the reference's tie-break, in key
 * order), sorted by minus its time, so ascending order is the reference's newest first. Terms:
 * the reference's index lists (claim-index.ts keysOf) plus polarity, outlet, claim key and `live`.
 */
export const CLAIMS = defineTable<ClaimDoc>('claims');

/** Claim id → the key of its row in CLAIMS (the place moves when a correction moves the evidence). */
export interface ClaimPlaceDoc {
  place: string;
}
export const CLAIM_PLACES = defineTable<ClaimPlaceDoc>('claims.places');

/** Article id → what its claims show of it and the time they sort by. */
export const CLAIM_ARTICLES = defineTable<ArticleMeta>('claims.articles');

/** How many claims carry a term (or ALL: every claim), and how many of them are not retracted. */
export interface ClaimCountDoc {
  all: number;
  live: number;
}

/**
 * Keyed by term, for the lists GET /claims pages with one filter (type, a party in a role, with or
 * without the type, source, topic) and with none: their totals, which counting rows per request
 * would make grow with the list.
 */
export const CLAIM_COUNTS = defineTable<ClaimCountDoc>('claims.counts');
