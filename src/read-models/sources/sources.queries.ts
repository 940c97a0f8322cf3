import { CLAIM_TYPES, type ClaimType } from '../../domain/claim.js';
import type { ClaimRecord, ClaimsState } from '../claims/claims.projection.js';
import { selectClaims, toClaimResponse, type ClaimFilter, type ClaimOrder, type ClaimResponse } from '../claims/claims.queries.js';
import { slug, sourceKey } from '../claim-key.js';
import type { TimeRange } from '../shared/dates.js';
import { compareStrings, paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import type { SourceEntry, SourcesState } from './sources.projection.js';

/** `from`/`to`: publication time; only claims of articles published then are counted. */
export interface SourceListFilter extends TimeRange {
  kind?: SourceEntry['kind'];
  /** Substring of the key or label, case-insensitive. */
  q?: string;
  includeRetracted?: boolean;
}

export interface SourceSummaryItem {
  key: string;
  kind: SourceEntry['kind'];
  party: string | null;
  label: string;
  claims: number;
  byType: Partial<Record<ClaimType, number>>;
}

const byType = (records: readonly ClaimRecord[]): Partial<Record<ClaimType, number>> => {
  const out: Partial<Record<ClaimType, number>> = {};
  for (const t of CLAIM_TYPES) {
    const n = records.filter((r) => r.claim.type === t).length;
    if (n) out[t] = n;
  }
  return out;
};

/** GET /sources — sources and outlets with the number of live claims resting on them; most first, then key. */
export const listSources = (sources: SourcesState, claims: ClaimsState, filter: SourceListFilter = {}, page: PageRequest = {}): Page<SourceSummaryItem> => {
  const q = filter.q?.toLowerCase();
  const items: SourceSummaryItem[] = [];
  for (const e of sources.sources.values()) {
    if (filter.kind && e.kind !== filter.kind) continue;
    if (q && !e.key.includes(q) && !e.label.toLowerCase().includes(q)) continue;
    const records = selectClaims(claims, e.claimIds, { includeRetracted: filter.includeRetracted, from: filter.from, to: filter.to });
    if (records.length) items.push({ key: e.key, kind: e.kind, party: e.party, label: e.label, claims: records.length, byType: byType(records) });
  }
  items.sort((a, b) => b.claims - a.claims || compareStrings(a.key, b.key));
  return paginate(items, page);
};

export interface Carrier {
  /** For a source: the outlets that carried it (`@slug`); for an outlet: the sources it cited. */
  key: string;
  label: string;
  claims: number;
}

export interface SourceDetail extends SourceSummaryItem {
  carriers: Carrier[];
  claims: number;
  items: Page<ClaimResponse>;
}

/** GET /sources/:source — every claim resting on a source (or outlet `@slug`), with where else it appears. */
export const getSource = (
  sources: SourcesState, claims: ClaimsState, key: string, filter: ClaimFilter = {}, page: PageRequest = {}, order: ClaimOrder = 'newest',
): SourceDetail | null => {
  const e = sources.sources.get(key);
  if (!e) return null;
  const records = selectClaims(claims, e.claimIds, filter, order);
  const carriers = new Map<string, Carrier>();
  for (const r of records) {
    let k: string;
    let label: string;
    if (e.kind === 'source') {
      const outlet = claims.articles.get(r.claim.articleId)?.outlet ?? null;
      k = `@${outlet ? slug(outlet) : 'unknown'}`;
      label = outlet ?? 'unknown';
    } else {
      k = sourceKey(r.claim.source);
      label = r.claim.source.party ?? r.claim.source.mention;
    }
    const c = carriers.get(k) ?? { key: k, label, claims: 0 };
    c.claims++;
    carriers.set(k, c);
  }
  return {
    key: e.key, kind: e.kind, party: e.party, label: e.label, claims: records.length, byType: byType(records),
    carriers: [...carriers.values()].sort((a, b) => b.claims - a.claims || compareStrings(a.key, b.key)),
    items: paginateMap(records, page, (r) => toClaimResponse(claims, r)),
  };
};
