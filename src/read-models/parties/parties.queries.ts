import { CLAIM_TYPES, type ClaimType } from '../../domain/claim.js';
import type { ClaimsState } from '../claims/claims.projection.js';
import { selectClaims, toClaimView, type ClaimFilter, type ClaimOrder, type ClaimView } from '../claims/claims.queries.js';
import { summariseSources, type SourceSummary } from '../shared/source-summary.js';
import { compareStrings, paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import type { ByType, PartiesState, PartyEntry } from './parties.projection.js';

export type PartyRole = 'actor' | 'target' | 'source';

export interface PartyListFilter {
  /** Substring of the key or label, case-insensitive. */
  q?: string;
  role?: PartyRole;
  type?: ClaimType;
  includeRetracted?: boolean;
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

const liveIds = (claims: ClaimsState, ids: readonly string[] | undefined, includeRetracted = false): string[] =>
  (ids ?? []).filter((id) => {
    const r = claims.claims.get(id);
    return !!r && (includeRetracted || !r.retraction);
  });

const counts = (claims: ClaimsState, byType: ByType, includeRetracted?: boolean): Partial<Record<ClaimType, number>> => {
  const out: Partial<Record<ClaimType, number>> = {};
  for (const type of CLAIM_TYPES) {
    const n = liveIds(claims, byType[type], includeRetracted).length;
    if (n) out[type] = n;
  }
  return out;
};

const sum = (c: Partial<Record<ClaimType, number>>): number => Object.values(c).reduce((a, b) => a + (b ?? 0), 0);

const summary = (claims: ClaimsState, e: PartyEntry, includeRetracted?: boolean): PartySummary => {
  const asActor = counts(claims, e.asActor, includeRetracted);
  const asTarget = counts(claims, e.asTarget, includeRetracted);
  const asSource = liveIds(claims, e.asSource, includeRetracted).length;
  return { key: e.key, party: e.party, label: e.label, asActor, asTarget, asSource, total: sum(asActor) + sum(asTarget) + asSource };
};

/** GET /parties — most claims first, then key. Parties with only retracted claims are left out. */
export const listParties = (parties: PartiesState, claims: ClaimsState, filter: PartyListFilter = {}, page: PageRequest = {}): Page<PartySummary> => {
  const q = filter.q?.toLowerCase();
  const items: PartySummary[] = [];
  for (const e of parties.parties.values()) {
    if (q && !e.key.includes(q) && !e.label.toLowerCase().includes(q)) continue;
    const s = summary(claims, e, filter.includeRetracted);
    const relevant =
      filter.role === 'actor' ? (filter.type ? s.asActor[filter.type] : sum(s.asActor))
      : filter.role === 'target' ? (filter.type ? s.asTarget[filter.type] : sum(s.asTarget))
      : filter.role === 'source' ? s.asSource
      : filter.type ? (s.asActor[filter.type] ?? 0) + (s.asTarget[filter.type] ?? 0) : s.total;
    if (relevant) items.push(s);
  }
  items.sort((a, b) => b.total - a.total || compareStrings(a.key, b.key));
  return paginate(items, page);
};

/** Per claim type: how many claims, and every source they rest on. */
export interface TypeGroup {
  type: ClaimType;
  count: number;
  sources: SourceSummary[];
}

export interface PartyClaimView extends ClaimView {
  roles: PartyRole[];
}

export interface PartyDetail {
  key: string;
  party: string | null;
  label: string;
  asActor: TypeGroup[];
  asTarget: TypeGroup[];
  asSource: { count: number; sources: SourceSummary[] };
  /** The party's claims (any role, or `role`), filtered and paginated. */
  claims: Page<PartyClaimView>;
}

export interface PartyClaimFilter extends ClaimFilter {
  role?: PartyRole;
}

const groups = (claims: ClaimsState, byType: ByType, filter: ClaimFilter): TypeGroup[] =>
  CLAIM_TYPES.flatMap((type) => {
    const records = selectClaims(claims, byType[type] ?? [], filter);
    return records.length ? [{ type, count: records.length, sources: summariseSources(claims, records) }] : [];
  });

/** GET /parties/:party — what it did (as actor) and what was done or said about it (as target), by type, with the sources for each. */
export const getParty = (
  parties: PartiesState, claims: ClaimsState, key: string, filter: PartyClaimFilter = {}, page: PageRequest = {}, order: ClaimOrder = 'newest',
): PartyDetail | null => {
  const e = parties.parties.get(key);
  if (!e) return null;
  const { role, ...claimFilter } = filter;
  const sourced = selectClaims(claims, e.asSource, claimFilter);
  const ids = new Set<string>();
  const add = (list: readonly string[] | undefined) => list?.forEach((id) => ids.add(id));
  if (!role || role === 'actor') Object.values(e.asActor).forEach(add);
  if (!role || role === 'target') Object.values(e.asTarget).forEach(add);
  if (!role || role === 'source') add(e.asSource);
  const rolesOf = (id: string, type: ClaimType): PartyRole[] => [
    ...(e.asActor[type]?.includes(id) ? ['actor' as const] : []),
    ...(e.asTarget[type]?.includes(id) ? ['target' as const] : []),
    ...(e.asSource.includes(id) ? ['source' as const] : []),
  ];
  return {
    key: e.key,
    party: e.party,
    label: e.label,
    asActor: groups(claims, e.asActor, claimFilter),
    asTarget: groups(claims, e.asTarget, claimFilter),
    asSource: { count: sourced.length, sources: summariseSources(claims, sourced) },
    claims: paginateMap(selectClaims(claims, ids, claimFilter, order), page, (r) => ({ ...toClaimView(claims, r), roles: rolesOf(r.claim.claimId, r.claim.type) })),
  };
};
