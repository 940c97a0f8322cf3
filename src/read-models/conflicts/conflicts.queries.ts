import type { ClaimType, Topic } from '../../domain/claim.js';
import type { AttributionsState } from '../attributions/attributions.projection.js';
import { corroborationStatus, type CorroborationStatus } from '../attributions/corroboration.js';
import { claimIndex, keySources, type ClaimIndex } from '../claims/claim-index.js';
import type { ClaimsState } from '../claims/claims.projection.js';
import { claimTime, claimResponseJson, toClaimResponse, type ClaimResponse } from '../claims/claims.queries.js';
import { partyKey, sourceKey } from '../claim-key.js';
import { inRange, type TimeRange } from '../shared/dates.js';
import { compareStrings, jsonWith, pageJson, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import type { ConflictKind } from './conflict-rules.js';
import type { Conflict, ConflictsState } from './conflicts.projection.js';

/** `from`/`to` (publication time) select conflicts by `at`, the time of their latest claim. */
export interface ConflictFilter extends TimeRange {
  kind?: ConflictKind;
  /** A party key among any claim's actors or targets. */
  party?: string;
  /** A source key of any claim. */
  source?: string;
  article?: string;
  type?: ClaimType;
  topic?: Topic;
  /** A claim id on either side. */
  claim?: string;
}

export interface ConflictClaim extends ClaimResponse {
  /** Whether the claim's key rests on one independent source or several (when the attributions read model is given). */
  corroboration?: { status: CorroborationStatus; sources: string[] };
}

export interface ConflictResponse {
  id: string;
  kind: ConflictKind;
  basis: Conflict['basis'];
  why: string;
  /** For a denial, `a` holds the denial and `b` what it denies. */
  a: ConflictClaim[];
  b: ConflictClaim[];
  /** The latest article time of its claims (publishedAt, else recorded). */
  at: string;
}

const records = (claims: ClaimsState, c: Conflict) => [...c.a, ...c.b].map((id) => claims.claims.get(id)).filter((r) => r !== undefined);

const latestOf = (claims: ClaimsState, ids: readonly string[]): number => {
  let t = -Infinity;
  for (const id of ids) {
    const r = claims.claims.get(id);
    if (r) t = Math.max(t, claimTime(claims, r));
  }
  return t;
};

/**
 * The latest time of its claims. `sides` remembers long sides within one pass: the denials of a
 * claim key share one array of its asserted claims (hundreds on a busy key), read once, not once
 * per denial.
 */
const latest = (claims: ClaimsState, c: Conflict, sides?: Map<readonly string[], number>): number => {
  const side = (ids: readonly string[]): number => {
    if (!sides || ids.length < 8) return latestOf(claims, ids);
    let t = sides.get(ids);
    if (t === undefined) sides.set(ids, (t = latestOf(claims, ids)));
    return t;
  };
  return Math.max(side(c.a), side(c.b));
};

const matches = (claims: ClaimsState, c: Conflict, f: ConflictFilter): boolean => {
  if (f.kind && c.kind !== f.kind) return false;
  if (f.claim && !c.a.includes(f.claim) && !c.b.includes(f.claim)) return false;
  const rs = records(claims, c);
  if (f.article && !rs.some((r) => r.claim.articleId === f.article)) return false;
  if (f.type && !rs.some((r) => r.claim.type === f.type)) return false;
  if (f.topic && !rs.some((r) => r.claim.topics.includes(f.topic!))) return false;
  if (f.source && !rs.some((r) => sourceKey(r.claim.source) === f.source)) return false;
  if (f.party && !rs.some((r) => [...r.claim.actors, ...r.claim.targets].some((p) => partyKey(p) === f.party))) return false;
  // Publication time: the conflict's, its latest claim's (what `at` shows and the list orders by).
  if ((f.from !== undefined || f.to !== undefined) && !inRange(latest(claims, c), f)) return false;
  return true;
};

const conflictClaimsOf = (claims: ClaimsState, attributions: AttributionsState | undefined, id: string): ConflictClaim[] => {
  const record = claims.claims.get(id);
  if (!record) return [];
  const response = toClaimResponse(claims, record);
  if (!attributions) return [response];
  // From the tallies the claims index keeps per key: the same answer as corroboration() over
  // the attributions read model, without reading every claim of a busy key for each claim shown.
  const sources = keySources(claims, response.key);
  return [{ ...response, corroboration: { status: corroborationStatus(sources.length), sources } }];
};

export const toConflictResponse = (claims: ClaimsState, c: Conflict, attributions?: AttributionsState): ConflictResponse => ({
  id: c.id,
  kind: c.kind,
  basis: c.basis,
  why: c.why,
  a: c.a.flatMap((id) => conflictClaimsOf(claims, attributions, id)),
  b: c.b.flatMap((id) => conflictClaimsOf(claims, attributions, id)),
  at: new Date(latest(claims, c)).toISOString(),
});

interface Ordered {
  index: ClaimIndex;
  version: number;
  size: number;
  list: Array<{ c: Conflict; t: number }>;
}

const newestFirst = (x: { c: Conflict; t: number }, y: { c: Conflict; t: number }): number => y.t - x.t || compareStrings(x.c.id, y.c.id);

/**
 * Every conflict in listing order, kept per conflicts state until the claims change: conflicts
 * only change with claims, and requests between two events share one sort instead of each
 * sorting hundreds of thousands of conflicts. After a change the previous order is the start:
 * every time is taken again (a claim or its article may have moved), conflicts gone are dropped,
 * new ones appended, and the sort (TimSort: runs already in order cost one comparison per
 * element) fixes the few that moved — a fresh sort of a million conflicts stalled every request
 * for seconds after each event.
 */
const orderedCache = new WeakMap<ConflictsState, Ordered>();

const ordered = (conflicts: ConflictsState, claims: ClaimsState): Array<{ c: Conflict; t: number }> => {
  const index = claimIndex(claims);
  const cached = orderedCache.get(conflicts);
  if (cached && cached.index === index && cached.version === index.version && cached.size === conflicts.conflicts.size) return cached.list;
  const list: Array<{ c: Conflict; t: number }> = [];
  const sides = new Map<readonly string[], number>();
  if (cached && cached.index === index) {
    const kept = new Set<Conflict>();
    for (const { c } of cached.list) {
      if (conflicts.conflicts.get(c.id) !== c) continue;
      kept.add(c);
      list.push({ c, t: latest(claims, c, sides) });
    }
    for (const c of conflicts.conflicts.values()) if (!kept.has(c)) list.push({ c, t: latest(claims, c, sides) });
  } else {
    for (const c of conflicts.conflicts.values()) list.push({ c, t: latest(claims, c, sides) });
  }
  list.sort(newestFirst);
  orderedCache.set(conflicts, { index, version: index.version, size: conflicts.conflicts.size, list });
  return list;
};

/** Per index version, each claim key's `corroboration` member as JSON: the tallies change only with the claims. */
const corroborationCache = new WeakMap<ClaimIndex, { version: number; byKey: Map<string, unknown> }>();

const corroborationOf = (claims: ClaimsState, key: string): unknown => {
  const index = claimIndex(claims);
  let cache = corroborationCache.get(index);
  if (!cache || cache.version !== index.version) corroborationCache.set(index, (cache = { version: index.version, byKey: new Map() }));
  let found = cache.byKey.get(key);
  if (!found) {
    const sources = keySources(claims, key);
    cache.byKey.set(key, (found = { status: corroborationStatus(sources.length), sources }));
  }
  return found;
};

const claimJson = (claims: ClaimsState, attributions: AttributionsState | undefined, id: string): string | null => {
  const record = claims.claims.get(id);
  if (!record) return null;
  const json = claimResponseJson(claims, record);
  return attributions ? jsonWith(json, 'corroboration', corroborationOf(claims, toClaimResponse(claims, record).key)) : json;
};

const sideJson = (claims: ClaimsState, attributions: AttributionsState | undefined, ids: readonly string[]): string => {
  const out: string[] = [];
  for (const id of ids) {
    const json = claimJson(claims, attributions, id);
    if (json !== null) out.push(json);
  }
  return `[${out.join(',')}]`;
};

/** JSON.stringify(toConflictResponse(...)), joined from the claims' kept texts; `t` is its latest claim time, known from the listing order. */
const conflictJson = (claims: ClaimsState, c: Conflict, t: number, attributions?: AttributionsState): string =>
  `${JSON.stringify({ id: c.id, kind: c.kind, basis: c.basis, why: c.why }).slice(0, -1)},` +
  `"a":${sideJson(claims, attributions, c.a)},"b":${sideJson(claims, attributions, c.b)},"at":${JSON.stringify(new Date(t).toISOString())}}`;

/** GET /conflicts — newest first, then id. Pass the attributions read model to flag single-source claims. */
export const listConflicts = (
  conflicts: ConflictsState,
  claims: ClaimsState,
  filter: ConflictFilter = {},
  page: PageRequest = {},
  attributions?: AttributionsState,
): Page<ConflictResponse> => {
  const all = ordered(conflicts, claims);
  const found = Object.keys(filter).length ? all.filter(({ c }) => matches(claims, c, filter)) : all;
  return paginateMap(found, page, ({ c }) => toConflictResponse(claims, c, attributions));
};

/** listConflicts as the JSON text of its page (GET /conflicts sends it as is). */
export const listConflictsJson = (
  conflicts: ConflictsState,
  claims: ClaimsState,
  filter: ConflictFilter = {},
  page: PageRequest = {},
  attributions?: AttributionsState,
): string => {
  const all = ordered(conflicts, claims);
  const found = Object.keys(filter).length ? all.filter(({ c }) => matches(claims, c, filter)) : all;
  return pageJson(paginateMap(found, page, ({ c, t }) => conflictJson(claims, c, t, attributions)));
};

export const getConflict = (conflicts: ConflictsState, claims: ClaimsState, id: string, attributions?: AttributionsState): ConflictResponse | null => {
  const c = conflicts.conflicts.get(id);
  return c ? toConflictResponse(claims, c, attributions) : null;
};

/** The conflicts a claim is in (for GET /claims/:id). */
export const conflictsOfClaim = (conflicts: ConflictsState, claimId: string): Conflict[] =>
  (conflicts.byClaim.get(claimId) ?? [])
    .map((id) => conflicts.conflicts.get(id)!)
    .filter(Boolean)
    .sort((a, b) => compareStrings(a.id, b.id));
