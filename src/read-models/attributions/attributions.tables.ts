// The stored attributions read model's tables (attributions.stored.ts writes them,
// attributions.stored-queries.ts reads them). Every key is summarised twice, over its live claims
// and over all of them (includeRetracted), and each summary keeps the counts its list needs, so a
// page is one indexed find and a few reads per key, never a pass over the key's claims.
import { defineTable } from '../../read-model-store/read-model-store.js';
import type { Polarity, SourceRef, Topic } from '../../domain/claim.js';
import type { CopyLink } from '../shared/reporting-outlet.js';

/** Live claims, or all of them (includeRetracted). */
export type Variant = 'live' | 'all';

/** What a claim adds to its key's summaries; sort = its time (its article's, once known; else when recorded). */
export interface AttributionClaimDoc {
  claimId: string;
  articleId: string;
  key: string;
  source: SourceRef;
  polarity: Polarity;
  topics: Topic[];
  retracted: boolean;
  /** When recorded, epoch ms: its time while its article is unknown. */
  recordedAt: number;
}
export const ATTRIBUTION_CLAIMS = defineTable<AttributionClaimDoc>('attributions.claims');

/** An article's time and outlet, which its claims' times and independent sources depend on. */
export interface AttributionArticleDoc {
  time: number;
  outlet: string | null;
  /** Set when the article is a syndicated copy: its story's original and the outlet it reports as. */
  copyOf?: CopyLink;
}
export const ATTRIBUTION_ARTICLES = defineTable<AttributionArticleDoc>('attributions.articles');

/** One key over one variant's claims; sort = minus the listing rank (independent sources, then claims). */
export interface KeySummaryDoc {
  key: string;
  claims: number;
  asserted: number;
  /** Distinct articles (see KEY_ARTICLES). */
  articles: number;
  /** Distinct stories, i.e. independent reports: a syndicated copy and its original are one (KEY_ARTICLES, `story:` rows). */
  reports: number;
  /** Independent sources of its asserted claims (see KEY_SOURCES). */
  sources: number;
  /** Claims per topic and per source key (what the topic and source filters ask of any claim). */
  topics: Partial<Record<Topic, number>>;
  sourceKeys: Record<string, number>;
}
export const KEY_SUMMARIES = defineTable<KeySummaryDoc>('attributions.keys');

/** One independent source of a key's asserted claims; sort = minus its claim count, so ascending is summariseSources' order. */
export interface KeySourceDoc {
  source: string;
  party: string | null;
  mentions: Record<string, number>;
  outlets: Record<string, number>;
  /**
   * How many asserted claims it has. Their ids are not kept here: a row is rewritten with each of
   * its claims, so a list in it made a hot key's rows grow with the square of its claims (13 KB
   * rows at 30 000 events). They are the claim rows carrying `term.bySource`.
   */
  claims: number;
}
export const KEY_SOURCES = defineTable<KeySourceDoc>('attributions.sources', { sortMoves: true });

/** How many of a key's claims one article holds. */
export const KEY_ARTICLES = defineTable<{ claims: number }>('attributions.key-articles');

export const ATTRIBUTIONS_TABLES = [ATTRIBUTION_CLAIMS, ATTRIBUTION_ARTICLES, KEY_SUMMARIES, KEY_SOURCES, KEY_ARTICLES] as const;

/** Row keys: a variant's rows of one key share its prefix. */
export const rowKey = {
  summary: (variant: Variant, key: string) => `${variant}|${key}`,
  source: (variant: Variant, key: string, source: string) => `${variant}|${key}|${source}`,
  article: (variant: Variant, key: string, articleId: string) => `${variant}|${key}|${articleId}`,
};

export const term = {
  /** A claim row, or a key's source rows, in one variant of one key. */
  ofKey: (variant: Variant, key: string) => `${variant}:${key}`,
  article: (articleId: string) => `article:${articleId}`,
  /** An asserted claim row, by the independent source it counts under in one variant of one key. */
  bySource: (variant: Variant, key: string, source: string) => `by:${variant}:${key}|${source}`,
  /** Summary rows: their variant, then what the filters select. */
  variant: (variant: Variant) => `variant:${variant}`,
  type: (type: string) => `type:${type}`,
  actor: (party: string) => `actor:${party}`,
  target: (party: string) => `target:${party}`,
  party: (party: string) => `party:${party}`,
  topic: (topic: string) => `topic:${topic}`,
  source: (source: string) => `source:${source}`,
  status: (status: string) => `status:${status}`,
};
