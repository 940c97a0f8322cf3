// What a stored read model that indexes claims by id keeps of each claim and article in its own
// tables (its `apply` may read no other read model's), and how the events change them: a read
// model gives the change of each claim (before, after) to its own rows. The claims read model stays
// the one that shows claims; this is only what indexing and counting need.
import type { Claim } from '../../domain/claim.js';
import { applyCorrection } from '../../domain/claim-correction.js';
import { defineTable, type ReadModelWriter, type Table } from '../../read-model-store/read-model-store.js';
import type { ProjectedEvent } from '../projection.js';
import { claimOfEvent, isClaimEvent } from './claim-events.js';
import { claimTimeOf, effectiveTime, type TimeRange } from './dates.js';
import { copyLinkOf, reportingOutlet, type CopyLink } from './reporting-outlet.js';

export interface ArticleFacts {
  outlet: string | null;
  /** See effectiveTime. */
  time: number;
  /** Set when the article is a syndicated copy (CopyRecognised): its story's original. */
  copyOf?: CopyLink;
}

export interface ClaimFacts {
  /** With every correction applied. */
  claim: Claim;
  retracted: boolean;
  /** `created` of the event that recorded the claim (ISO). */
  recordedAt: string;
  /** Epoch ms that listings sort and `from`/`to` filter by (claimTimeOf). */
  time: number;
  /** The article's outlet now; null when it has none or is not known yet. */
  outlet: string | null;
  /** The article's outlet when the claim was recorded (a correction keeps it). */
  recordedOutlet: string | null;
  /** The outlet its source is told apart by: for a syndicated copy, its original's (reporting-outlet.ts). */
  reportingOutlet: string | null;
}

export interface ClaimFactTables {
  articles: Table<ArticleFacts>;
  claims: Table<ClaimFacts>;
}

/** The two tables, named for the read model that owns them (a table belongs to one read model). */
export const claimFactTables = (readModel: string): ClaimFactTables => ({
  articles: defineTable<ArticleFacts>(`${readModel}.articles`),
  claims: defineTable<ClaimFacts>(`${readModel}.claims`),
});

/** A claim changed: it was `before` (undefined: unknown) and is now `after` (undefined: gone). */
export type ClaimChange = (before: ClaimFacts | undefined, after: ClaimFacts | undefined) => void;

const articleTerm = (articleId: string): string => `article:${articleId}`;

const putClaim = (writer: ReadModelWriter, tables: ClaimFactTables, facts: ClaimFacts): void =>
  writer.put(tables.claims, { key: facts.claim.claimId, doc: facts, terms: [articleTerm(facts.claim.articleId)] });

const claimsOfArticle = (writer: ReadModelWriter, tables: ClaimFactTables, articleId: string): ClaimFacts[] =>
  writer.find({ table: tables.claims, all: [articleTerm(articleId)] }).rows.map((r) => r.doc);

/** Claims recorded before their article (or an article recorded again) move with its time and outlet. */
const ingest = (
  writer: ReadModelWriter,
  tables: ClaimFactTables,
  event: Extract<ProjectedEvent['event'], { type: 'ArticleIngested' }>,
  at: string,
  change: ClaimChange,
): void => {
  const { articleId, outlet, publishedAt } = event.data;
  // An article recorded again stays its story's copy, as the reference keeps it.
  const copyOf = writer.get(tables.articles, articleId)?.copyOf;
  const article: ArticleFacts = { outlet, time: effectiveTime(publishedAt, at), ...(copyOf ? { copyOf } : {}) };
  writer.put(tables.articles, { key: articleId, doc: article });
  moveClaims(writer, tables, articleId, article, change);
};

/** The article's claims take its outlet, time and reporting outlet now. */
const moveClaims = (writer: ReadModelWriter, tables: ClaimFactTables, articleId: string, article: ArticleFacts, change: ClaimChange): void => {
  for (const before of claimsOfArticle(writer, tables, articleId)) {
    const after = { ...before, outlet: article.outlet, time: claimTimeOf(article.time, before.recordedAt), reportingOutlet: reportingOutlet(article) };
    if (after.outlet === before.outlet && after.time === before.time && after.reportingOutlet === before.reportingOutlet) continue;
    putClaim(writer, tables, after);
    change(before, after);
  }
};

/** A syndicated copy reports under its original's outlet; the first recognition stands. */
const recogniseCopy = (
  writer: ReadModelWriter,
  tables: ClaimFactTables,
  { articleId, originalArticleId }: { articleId: string; originalArticleId: string },
  change: ClaimChange,
): void => {
  const article = writer.get(tables.articles, articleId);
  if (!article) return;
  const original = writer.get(tables.articles, originalArticleId);
  const copy: ArticleFacts = { ...article, copyOf: copyLinkOf(article, originalArticleId, original) };
  writer.put(tables.articles, { key: articleId, doc: copy });
  moveClaims(writer, tables, articleId, copy, change);
};

/** A withdrawn article's claims (the event names them, retracted ones too) leave, then the article. */
const withdraw = (
  writer: ReadModelWriter,
  tables: ClaimFactTables,
  { articleId, claimIds }: { articleId: string; claimIds: readonly string[] },
  change: ClaimChange,
): void => {
  for (const claimId of claimIds) {
    const before = writer.get(tables.claims, claimId);
    if (!before) continue;
    writer.remove(tables.claims, claimId);
    change(before, undefined);
  }
  writer.remove(tables.articles, articleId);
};

/** Applies one event to the facts and tells `change` about every claim it changed. */
export const applyClaimFacts = (writer: ReadModelWriter, tables: ClaimFactTables, { event, created }: ProjectedEvent, change: ClaimChange): void => {
  const at = created.toISOString();
  if (event.type === 'ArticleIngested') return ingest(writer, tables, event, at, change);
  if (event.type === 'ArticleWithdrawn') return withdraw(writer, tables, event.data, change);
  if (event.type === 'CopyRecognised') return recogniseCopy(writer, tables, event.data, change);
  if (isClaimEvent(event)) {
    const before = writer.get(tables.claims, event.data.claimId);
    const article = writer.get(tables.articles, event.data.articleId);
    const outlet = article?.outlet ?? null;
    const after: ClaimFacts = {
      claim: claimOfEvent(event),
      retracted: false,
      recordedAt: at,
      time: claimTimeOf(article?.time, at),
      outlet,
      recordedOutlet: outlet,
      reportingOutlet: reportingOutlet(article),
    };
    putClaim(writer, tables, after);
    return change(before, after);
  }
  if (event.type !== 'ClaimCorrected' && event.type !== 'ClaimRetracted') return;
  const before = writer.get(tables.claims, event.data.claimId);
  if (!before || (event.type === 'ClaimRetracted' && before.retracted)) return;
  const after = event.type === 'ClaimCorrected' ? { ...before, claim: applyCorrection(before.claim, event.data.changes) } : { ...before, retracted: true };
  putClaim(writer, tables, after);
  change(before, after);
};

/** What a stored count covers: live claims only (what pages show by default), or all (includeRetracted). */
export type CountMode = 'live' | 'all';

export const countModeOf = (includeRetracted: boolean | undefined): CountMode => (includeRetracted ? 'all' : 'live');

/** The counts a claim is in: both, or only `all` once retracted. */
export const countModesOf = (facts: ClaimFacts): CountMode[] => (facts.retracted ? ['all'] : ['all', 'live']);

/** Rows of claims sort by minus their time (newest first ascending): a publication-time range is a reversed sort range. */
export const publishedSortRange = (range: TimeRange): { from?: number; to?: number } => ({
  ...(range.to === undefined ? {} : { from: -range.to }),
  ...(range.from === undefined ? {} : { to: -range.from }),
});
