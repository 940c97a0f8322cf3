import { CLAIM_TYPES, type ClaimType } from '../../domain/claim.js';
import type { ClaimsState } from '../claims/claims.projection.js';
import { claimIndex, listKey, type ClaimIndex, type SourceTally } from '../claims/claim-index.js';
import type { ClaimRecord } from '../claims/claims.projection.js';
import {
  claimTime,
  claimResponseJson,
  pageFromIndex,
  selectClaims,
  toClaimResponse,
  type ClaimFilter,
  type ClaimOrder,
  type ClaimResponse,
} from '../claims/claims.queries.js';
import { partyKey, sourceKey } from '../claim-key.js';
import { CLAIM_ID_SAMPLE, summariseSources, type SourceSummary } from '../claims/source-summary.js';
import { inRange, type TimeRange } from '../shared/dates.js';
import { compareStrings, jsonWith, pageJson, paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import type { ByType, PartiesState, PartyEntry } from './parties.projection.js';

export type PartyRole = 'actor' | 'target' | 'source';

/** `from`/`to`: publication time; only claims of articles published then are counted. */
export interface PartyListFilter extends TimeRange {
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

/** What the list counts: live claims (all with includeRetracted), published within the range when given. */
type Counted = Pick<PartyListFilter, 'includeRetracted' | 'from' | 'to'>;

const liveIds = (claims: ClaimsState, ids: readonly string[] | undefined, counted: Counted): string[] =>
  (ids ?? []).filter((id) => {
    const r = claims.claims.get(id);
    return !!r && (counted.includeRetracted || !r.retraction) && inRange(claimTime(claims, r), counted);
  });

const counts = (claims: ClaimsState, byType: ByType, counted: Counted): Partial<Record<ClaimType, number>> => {
  const out: Partial<Record<ClaimType, number>> = {};
  for (const type of CLAIM_TYPES) {
    const n = liveIds(claims, byType[type], counted).length;
    if (n) out[type] = n;
  }
  return out;
};

const sum = (c: Partial<Record<ClaimType, number>>): number => Object.values(c).reduce((a, b) => a + (b ?? 0), 0);

const summary = (claims: ClaimsState, e: PartyEntry, counted: Counted): PartySummary => {
  const asActor = counts(claims, e.asActor, counted);
  const asTarget = counts(claims, e.asTarget, counted);
  const asSource = liveIds(claims, e.asSource, counted).length;
  return { key: e.key, party: e.party, label: e.label, asActor, asTarget, asSource, total: sum(asActor) + sum(asTarget) + asSource };
};

/** GET /parties — most claims first, then key. Parties with only retracted claims are left out. */
export const listParties = (parties: PartiesState, claims: ClaimsState, filter: PartyListFilter = {}, page: PageRequest = {}): Page<PartySummary> => {
  const q = filter.q?.toLowerCase();
  const items: PartySummary[] = [];
  for (const e of parties.parties.values()) {
    if (q && !e.key.includes(q) && !e.label.toLowerCase().includes(q)) continue;
    const s = summary(claims, e, filter);
    const relevant =
      filter.role === 'actor'
        ? filter.type
          ? s.asActor[filter.type]
          : sum(s.asActor)
        : filter.role === 'target'
          ? filter.type
            ? s.asTarget[filter.type]
            : sum(s.asTarget)
          : filter.role === 'source'
            ? s.asSource
            : filter.type
              ? (s.asActor[filter.type] ?? 0) + (s.asTarget[filter.type] ?? 0)
              : s.total;
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

export interface PartyClaimResponse extends ClaimResponse {
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
  claims: Page<PartyClaimResponse>;
}

export interface PartyClaimFilter extends ClaimFilter {
  role?: PartyRole;
}

const groups = (claims: ClaimsState, byType: ByType, filter: ClaimFilter): TypeGroup[] =>
  CLAIM_TYPES.flatMap((type) => {
    const records = selectClaims(claims, byType[type] ?? [], filter);
    return records.length ? [{ type, count: records.length, sources: summariseSources(claims, records, CLAIM_ID_SAMPLE) }] : [];
  });

/** The same summary as summariseSources, read from the tallies the claims index keeps current. */
const fromTallies = (tallies: Map<string, SourceTally> | undefined): { count: number; sources: SourceSummary[] } => {
  const sources = [...(tallies ?? [])]
    .map(([source, t]): SourceSummary => ({
      source,
      party: t.party,
      mentions: [...t.mentions.keys()].sort(compareStrings),
      outlets: [...t.outlets.keys()].sort(compareStrings),
      // The lowest ids, as summariseSources shows: not the first to arrive.
      count: t.ids.length,
      claimIds: [...t.ids].sort(compareStrings).slice(0, CLAIM_ID_SAMPLE),
    }))
    .sort((a, b) => b.count - a.count || compareStrings(a.source, b.source));
  return { count: sources.reduce((n, s) => n + s.count, 0), sources };
};

const talliedGroups = (tallies: Map<string, Map<string, SourceTally>> | undefined, role: 'actor' | 'target'): TypeGroup[] =>
  CLAIM_TYPES.flatMap((type) => {
    const t = tallies?.get(`${role}|${type}`);
    return t ? [{ type, ...fromTallies(t) }] : [];
  });

interface TalliedSummaries {
  asActor: TypeGroup[];
  asTarget: TypeGroup[];
  asSource: { count: number; sources: SourceSummary[] };
  /** The three as JSON members (`"asActor":…,"asTarget":…,"asSource":…`), made on first use. */
  json?: string;
}

/**
 * Summaries built from the tallies, per party, until the index changes: sorting a busy party's
 * sources and sample ids is the same work for every request between two events.
 */
const summaryCache = new WeakMap<ClaimIndex, { version: number; byParty: Map<string, TalliedSummaries> }>();

const talliedSummaries = (index: ClaimIndex, key: string): TalliedSummaries => {
  let cache = summaryCache.get(index);
  if (!cache || cache.version !== index.version) summaryCache.set(index, (cache = { version: index.version, byParty: new Map() }));
  let found = cache.byParty.get(key);
  if (!found) {
    const tallies = index.parties.get(key);
    found = { asActor: talliedGroups(tallies, 'actor'), asTarget: talliedGroups(tallies, 'target'), asSource: fromTallies(tallies?.get('source')) };
    cache.byParty.set(key, found);
  }
  return found;
};

const rolesOf = (key: string, r: ClaimRecord): PartyRole[] => [
  ...(r.claim.actors.some((p) => partyKey(p) === key) ? ['actor' as const] : []),
  ...(r.claim.targets.some((p) => partyKey(p) === key) ? ['target' as const] : []),
  ...(sourceKey(r.claim.source) === key ? ['source' as const] : []),
];

const ROLE_LIST = { actor: 'actor', target: 'target', source: 'source' } as const;

/** Whether a party page takes the kept path: newest first, no filter but the role. */
export const keptPath = (filter: PartyClaimFilter, order: ClaimOrder): { role?: PartyRole; claimFilter: ClaimFilter; kept: boolean } => {
  // `includeRetracted: false` is the default spelled out (the REST layer always passes it): it
  // must not send the common page down the grouping path.
  const { role, includeRetracted, ...rest } = filter;
  const claimFilter: ClaimFilter = includeRetracted ? { ...rest, includeRetracted } : rest;
  return { role, claimFilter, kept: order === 'newest' && !Object.keys(claimFilter).length };
};

const partyList = (claims: ClaimsState, key: string, role: PartyRole | undefined) =>
  claimIndex(claims).lists.get(listKey(role ? ROLE_LIST[role] : 'involved', key));

/** A query of one party's page (GET /parties/:party), as an answer or its JSON: null when no claim names the party. */
type PartyPageQuery<Answer> = (
  parties: PartiesState,
  claims: ClaimsState,
  key: string,
  filter?: PartyClaimFilter,
  page?: PageRequest,
  order?: ClaimOrder,
) => Answer | null;

/** GET /parties/:party — what it did (as actor) and what was done or said about it (as target), by type, with the sources for each. */
export const getParty: PartyPageQuery<PartyDetail> = (parties, claims, key, filter = {}, page = {}, order = 'newest') => {
  const e = parties.parties.get(key);
  if (!e) return null;
  const { role, claimFilter, kept } = keptPath(filter, order);
  const toResponse = (r: ClaimRecord): PartyClaimResponse => ({ ...toClaimResponse(claims, r), roles: rolesOf(key, r) });
  if (kept) {
    // The common page, unfiltered: summaries kept current and a slice of one index list.
    const { asActor, asTarget, asSource } = talliedSummaries(claimIndex(claims), key);
    return {
      key: e.key,
      party: e.party,
      label: e.label,
      asActor,
      asTarget,
      asSource,
      claims: pageFromIndex(claims, partyList(claims, key, role), true, {}, page, toResponse),
    };
  }
  const sourced = selectClaims(claims, e.asSource, claimFilter);
  const ids = new Set<string>();
  const add = (list: readonly string[] | undefined) => list?.forEach((id) => ids.add(id));
  if (!role || role === 'actor') Object.values(e.asActor).forEach(add);
  if (!role || role === 'target') Object.values(e.asTarget).forEach(add);
  if (!role || role === 'source') add(e.asSource);
  return {
    key: e.key,
    party: e.party,
    label: e.label,
    asActor: groups(claims, e.asActor, claimFilter),
    asTarget: groups(claims, e.asTarget, claimFilter),
    asSource: { count: sourced.length, sources: summariseSources(claims, sourced, CLAIM_ID_SAMPLE) },
    claims: paginateMap(selectClaims(claims, ids, claimFilter, order), page, toResponse),
  };
};

/**
 * JSON.stringify(getParty(...)), the common page joined from kept texts: the summaries' text per
 * index version and each claim's text, so a busy party's page is not rebuilt and stringified per
 * request. Filtered pages are stringified as built.
 */
export const getPartyJson: PartyPageQuery<string> = (parties, claims, key, filter = {}, page = {}, order = 'newest') => {
  const e = parties.parties.get(key);
  if (!e) return null;
  const { role, kept } = keptPath(filter, order);
  if (!kept) return JSON.stringify(getParty(parties, claims, key, filter, page, order));
  const s = talliedSummaries(claimIndex(claims), key);
  s.json ??= JSON.stringify({ asActor: s.asActor, asTarget: s.asTarget, asSource: s.asSource }).slice(1, -1);
  const head = JSON.stringify({ key: e.key, party: e.party, label: e.label }).slice(0, -1);
  const list = pageFromIndex(claims, partyList(claims, key, role), true, {}, page, (r) => jsonWith(claimResponseJson(claims, r), 'roles', rolesOf(key, r)));
  return `${head},${s.json},"claims":${pageJson(list)}}`;
};
