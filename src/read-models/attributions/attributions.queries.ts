import type { ClaimType, Topic } from '../../domain/claim.js';
import type { ClaimRecord, ClaimsState } from '../claims/claims.projection.js';
import { claimArticle, claimTime, selectClaims, type ClaimArticle } from '../claims/claims.queries.js';
import { normaliseClaimKey, parseClaimKey, sourceKey, TOPIC_PRECEDENCE, type ClaimKeyParts } from '../claim-key.js';
import { inRange, type TimeRange } from '../shared/dates.js';
import { compareStrings, paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import { CLAIM_ID_SAMPLE, summariseSources, type SourceSummary } from '../claims/source-summary.js';
import { claimSource, storyOf } from '../claims/reports.js';
import type { AttributionsState } from './attributions.projection.js';
import { corroborationStatus, type CorroborationStatus } from './corroboration.js';
import type { Claim, Evidence, Polarity, SourceRef } from '../../domain/claim.js';

export interface AttributionFilter extends TimeRange {
  type?: ClaimType;
  actor?: string;
  target?: string;
  /** Actor or target. */
  party?: string;
  /** Keys with at least one claim on this topic. */
  topic?: Topic;
  /** Keys with at least one claim from this source key. */
  source?: string;
  status?: CorroborationStatus;
  includeRetracted?: boolean;
}

export interface AttributionSummary extends ClaimKeyParts {
  key: string;
  /** The topics its claims are about, most specific first: facets of the key, not part of it. */
  topics: Topic[];
  claims: number;
  articles: number;
  /** Independent reports: its articles, syndicated copies counted once with their original (one story). */
  reports: number;
  status: CorroborationStatus;
  sources: SourceSummary[];
  denied: number;
  firstAt: string;
  lastAt: string;
}

const iso = (t: number): string => (Number.isNaN(t) ? '' : new Date(t).toISOString());

const topicsOf = (records: readonly ClaimRecord[]): Topic[] => TOPIC_PRECEDENCE.filter((t) => records.some((r) => r.claim.topics.includes(t)));

const summarise = (claims: ClaimsState, key: string, parts: ClaimKeyParts, records: ClaimRecord[]): AttributionSummary => {
  const asserted = records.filter((r) => r.claim.polarity === 'asserted');
  const sources = summariseSources(claims, asserted, CLAIM_ID_SAMPLE);
  const times = records.map((r) => claimTime(claims, r));
  return {
    key,
    ...parts,
    topics: topicsOf(records),
    claims: records.length,
    articles: new Set(records.map((r) => r.claim.articleId)).size,
    reports: new Set(records.map((r) => storyOf(claims, r.claim.articleId))).size,
    status: corroborationStatus(sources.length),
    sources,
    denied: records.length - asserted.length,
    firstAt: iso(Math.min(...times)),
    lastAt: iso(Math.max(...times)),
  };
};

/** GET /attributions — keys with their claims' sources; most independent sources first, then most claims, then key. */
export const listAttributions = (
  attributions: AttributionsState,
  claims: ClaimsState,
  filter: AttributionFilter = {},
  page: PageRequest = {},
): Page<AttributionSummary> => {
  const items: AttributionSummary[] = [];
  for (const [key, ids] of attributions.keys) {
    const parts = parseClaimKey(key);
    if (!parts) continue;
    if (filter.type && parts.type !== filter.type) continue;
    if (filter.actor && !parts.actors.includes(filter.actor)) continue;
    if (filter.target && !parts.targets.includes(filter.target)) continue;
    if (filter.party && !parts.actors.includes(filter.party) && !parts.targets.includes(filter.party)) continue;
    const records = selectClaims(claims, ids, { includeRetracted: filter.includeRetracted });
    if (!records.length) continue;
    if (filter.topic && !records.some((r) => r.claim.topics.includes(filter.topic!))) continue;
    if (filter.source && !records.some((r) => sourceKey(r.claim.source) === filter.source)) continue;
    if ((filter.from !== undefined || filter.to !== undefined) && !records.some((r) => inRange(claimTime(claims, r), filter))) continue;
    const s = summarise(claims, key, parts, records);
    if (filter.status && s.status !== filter.status) continue;
    items.push(s);
  }
  items.sort((a, b) => b.sources.length - a.sources.length || b.claims - a.claims || compareStrings(a.key, b.key));
  return paginate(items, page);
};

/** What one source said, where and when. */
export interface Account {
  claimId: string;
  source: SourceRef;
  content: string;
  polarity: Polarity;
  hedged: boolean;
  topics: Topic[];
  evidence: Evidence;
  article: ClaimArticle;
  /** publishedAt, else when recorded. */
  when: string;
  retracted: boolean;
}

export interface SourceColumn {
  source: string;
  party: string | null;
  accounts: Account[];
}

export interface AttributionDetail extends AttributionSummary {
  /** Side by side: one column per independent source, earliest account first. */
  columns: Page<SourceColumn>;
}

/** One claim with its article and time, as the desk's compare page shows it side by side. */
export interface AccountOf {
  claim: Claim;
  /** Its independent source (claim-key.ts; a syndicated copy's told apart by its original's outlet). */
  source: string;
  article: ClaimArticle;
  /** publishedAt, else when recorded, epoch ms. */
  time: number;
  retracted: boolean;
}

/** Side by side: one column per independent source, from accounts in reading order (oldest first); earliest column first. */
export const columnsOf = (accounts: readonly AccountOf[]): SourceColumn[] => {
  const columns = new Map<string, SourceColumn>();
  for (const { claim: c, source, article, time, retracted } of accounts) {
    let col = columns.get(source);
    if (!col) columns.set(source, (col = { source, party: c.source.party, accounts: [] }));
    col.accounts.push({
      claimId: c.claimId,
      source: c.source,
      content: c.content,
      polarity: c.polarity,
      hedged: c.hedged,
      topics: c.topics,
      evidence: c.evidence,
      article,
      when: iso(time),
      retracted,
    });
  }
  return [...columns.values()].sort((a, b) => compareStrings(a.accounts[0].when, b.accounts[0].when) || compareStrings(a.source, b.source));
};

/** GET /attributions/:key — one claim key side by side, source by source. */
export const getAttribution = (
  attributions: AttributionsState,
  claims: ClaimsState,
  key: string,
  opts: { includeRetracted?: boolean } = {},
  page: PageRequest = {},
): AttributionDetail | null => {
  // Any party order, a space for `+`, an earlier version's trailing topic: all name the stored key.
  const stored = normaliseClaimKey(key);
  const parts = stored === null ? null : parseClaimKey(stored);
  const ids = stored === null ? undefined : attributions.keys.get(stored);
  if (!parts || !ids) return null;
  const records = selectClaims(claims, ids, { includeRetracted: opts.includeRetracted }, 'oldest');
  if (!records.length) return null;
  const accounts = records.map((r) => ({
    claim: r.claim,
    source: claimSource(claims, r.claim),
    article: claimArticle(claims, r.claim.articleId),
    time: claimTime(claims, r),
    retracted: r.retraction !== null,
  }));
  return { ...summarise(claims, stored!, parts, records), columns: paginateMap(columnsOf(accounts), page, (c) => c) };
};
