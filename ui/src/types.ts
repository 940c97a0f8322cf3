// The shapes the REST API answers with, as far as the desk reads them. Claim types, topics and
// the claim's fields come from the server's own model (pure, no imports at run time), so a new claim
// type or field fails to compile here until the desk handles it.
import {
  CLAIM_TYPES,
  POLARITIES,
  TOPICS,
  type ClaimType,
  type Evidence,
  type PartyRef,
  type Polarity,
  type SourceRef,
  type Topic,
} from '../../src/domain/claim.js';
import type { ArticleWithdrawnData } from '../../src/domain/events/article-withdrawn.event.js';

export { CLAIM_TYPES, POLARITIES, TOPICS };
export type { ArticleWithdrawnData, ClaimType, Evidence, PartyRef, Polarity, SourceRef, Topic };
export const TYPE_LABEL: Record<ClaimType, string> = {
  InvitationExtended: 'invitation',
  PledgeMade: 'pledge',
  AccusationLevelled: 'accusation',
  ConcernRaised: 'concern',
};
export interface ArticleRef {
  articleId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  /** Name an article without a headline (format.ts articleTitle); optional: not every answer carries them yet. */
  dateline?: string | null;
  lead?: string | null;
}

export interface Claim {
  type: ClaimType;
  claimId: string;
  articleId: string;
  recordedBy: string;
  actors: PartyRef[];
  targets: PartyRef[];
  content: string;
  source: SourceRef;
  evidence: Evidence;
  hedged: boolean;
  polarity: Polarity;
  topics: Topic[];
  key: string;
  retracted: boolean;
  retraction: { reason: string } | null;
  corrections: number;
  correctedAt: string | null;
  recordedAt: string;
  article: ArticleRef;
}

export interface ClaimDetail extends Claim {
  conflicts: Array<{ id: string; kind: string }>;
  history: Array<{
    type: string;
    revision: string;
    position: string;
    recordedAt: string;
    /** Who made the change, and with which API key (null: the CLI, the extractor or an open service). */
    recordedBy: string | null;
    keyId: string | null;
    data: Record<string, unknown>;
  }>;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface ArticleSummary extends ArticleRef {
  dateline: string | null;
  section: string | null;
  recordedAt: string;
  claims: number;
}

export interface ClaimRef {
  claimId: string;
  type: ClaimType;
  start: number;
  end: number;
  retracted: boolean;
  claim: Claim;
}
/** An article linked by syndication: the story's original, or one of its copies. */
export interface LinkedArticle {
  articleId: string;
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  similarity: number;
}
export interface Article extends ArticleSummary {
  body: string;
  claimRefs: ClaimRef[];
  copyOf: LinkedArticle | null;
  copies: LinkedArticle[];
}

/** `claimIds` is a sample (the API caps it per source); `count` is how many claims rest on the source. */
export interface SourceSummary {
  source: string;
  party: string | null;
  mentions: string[];
  outlets: string[];
  count: number;
  claimIds: string[];
}
export interface PartySummary {
  key: string;
  party: string | null;
  label: string;
  asActor: Partial<Record<ClaimType, number>>;
  asTarget: Partial<Record<ClaimType, number>>;
  asSource: number;
  total: number;
}
export interface PartyByType {
  type: ClaimType;
  count: number;
  sources: SourceSummary[];
}
export interface PartyDetail {
  key: string;
  party: string | null;
  label: string;
  asActor: PartyByType[];
  asTarget: PartyByType[];
  asSource: { count: number; sources: SourceSummary[] };
  claims: Page<Claim>;
}

export interface Conflict {
  id: string;
  kind: 'competing-account' | 'denial' | 'actor-disagreement';
  basis: string;
  why: string;
  at: string;
  a: Claim[];
  b: Claim[];
}

export interface Account {
  claimId: string;
  source: SourceRef;
  content: string;
  polarity: string;
  hedged: boolean;
  topics: string[];
  evidence: Evidence;
  article: ArticleRef;
  when: string;
  retracted: boolean;
}
export interface Attribution {
  key: string;
  type: ClaimType;
  actors: string[];
  targets: string[];
  topics: string[];
  claims: number;
  articles: number;
  reports: number;
  status: string;
  sources: SourceSummary[];
  denied: number;
  firstAt: string;
  lastAt: string;
  columns?: Page<{ source: string; party: string | null; accounts: Account[] }>;
}

/** Counts are article events; `head` is the newest one's position, an opaque cursor (a log offset on EventStoreDB). */
export interface LiveStatus {
  head: string;
  events: number;
  behind: number;
  behindAtLeast: boolean;
  following: 'starting' | 'following' | 'reconnecting' | 'stopped';
  /** reason 'version': saved by another version of its read model, rebuilt at start; 'asked': POST /projections/rebuild. */
  rebuilding: Array<{ name: string; reason: 'version' | 'asked'; processed: number; events: number; startedAt: string | null }>;
}
export interface LiveChange {
  position: string;
  type: string;
  streamName: string;
}

/** One event of an article's stream, as GET /articles/:id/events lists it. */
export interface StreamEvent {
  type: string;
  revision: string;
  created: string;
  data: Record<string, unknown>;
}
