// The stored conflicts read model's tables (conflicts.stored.ts writes them, conflicts.stored-queries.ts
// reads them). The facts the rules need are kept per live claim in its own rows, so `apply` reads
// nothing of another read model; the pairs a claim belongs to are found by the `claim:` term of
// the conflict rows, never kept as a list per claim.
import { defineTable } from '../../read-model-store/read-model-store.js';
import type { ConflictFacts } from './conflict-rules.js';
import type { Conflict } from './conflicts.state.js';
import type { FactsArticle } from './facts.js';

/** Term prefixes, one per thing a find selects by. */
export const term = {
  /** Facts of an article (every claim of it); `in:` only those that pair within it (recorded once it was known). */
  article: (articleId: string) => `article:${articleId}`,
  within: (articleId: string) => `in:${articleId}`,
  /** Candidates of the cross-article rules (candidates.ts nearKey, deedKey). */
  near: (key: string) => `near:${key}`,
  deed: (key: string) => `deed:${key}`,
  /** A claim key's asserted and denied claims (the denials). */
  asserted: (key: string) => `asserted:${key}`,
  denied: (key: string) => `denied:${key}`,
  /** Conflicts: of a claim, a kind, and claims with a party, source, type or topic. */
  claim: (claimId: string) => `claim:${claimId}`,
  kind: (kind: string) => `kind:${kind}`,
  party: (party: string) => `party:${party}`,
  source: (source: string) => `source:${source}`,
  type: (type: string) => `type:${type}`,
  topic: (topic: string) => `topic:${topic}`,
};

/** An article as the rules need it (time, outlet, sentence starts and cues), under its id. */
export const CONFLICT_ARTICLES = defineTable<FactsArticle>('conflicts.articles');

/**
 * A live claim's facts under its id; sort = `t` (the rules' time), so a rule's candidates are a
 * find on one term and the WINDOW_MS range. Terms: see factTerms.
 */
export interface FactsDoc extends ConflictFacts {
  /** The claim's time as listings show it (the claims read model's: its article's time once known, else when recorded). */
  time: number;
  /** When the claim was recorded, epoch ms: its time while its article is unknown. */
  recordedAt: number;
  /** The source key (claim-key.ts sourceKey) the `source` filter compares. */
  sourceKey: string;
  /** Its article was known when it was indexed: it pairs with the article's other such claims (as the reference's article lists do). */
  within: boolean;
}
export const CONFLICT_FACTS = defineTable<FactsDoc>('conflicts.facts');

/**
 * One row per conflict under its id; sort = minus `at`, so ascending order is the listing's
 * (newest first, then id). Terms: see conflictTerms in conflicts.stored.ts.
 */
export interface ConflictDoc extends Conflict {
  /** Its latest claim time (as the claims read model has it), epoch ms. */
  at: number;
}
// The list filters' terms of many rows are counted by the store (a party's conflicts are a tenth of them all).
export const CONFLICTS = defineTable<ConflictDoc>('conflicts', { countedTerms: [term.party(''), term.source(''), term.type(''), term.topic('')] });

/**
 * How many conflicts there are (`all`) and of each kind (`kind:<kind>`): the unfiltered list's
 * total, which a count of every row would cost per request.
 */
export const CONFLICT_COUNTS = defineTable<{ conflicts: number }>('conflicts.counts');
export const COUNT_ALL = 'all';

export const CONFLICTS_TABLES = [CONFLICT_ARTICLES, CONFLICT_FACTS, CONFLICTS, CONFLICT_COUNTS] as const;
