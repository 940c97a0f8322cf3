import type { Claim, ClaimType, Polarity, Topic } from '../../domain/claim.js';
import { claimKey, partyKey, slug, sourceKey } from '../claim-key.js';
import { inRange, type TimeRange } from '../shared/dates.js';
import { compareStrings, pageJson, paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import { ALL, claimIndex, listKey, type RecordList } from './claim-index.js';
import type { ArticleMeta, ClaimRecord, ClaimsState, Retraction } from './claims.projection.js';

export interface ClaimFilter extends TimeRange {
  type?: ClaimType;
  /** A party key (`pakistan`, `~tribal-elders`) among the actors. */
  actor?: string;
  target?: string;
  /** Actor or target. */
  party?: string;
  /** A source key: the source party, or `~` and a slug of an unresolved source's mention. */
  source?: string;
  /** A slug of the outlet name. */
  outlet?: string;
  topic?: Topic;
  polarity?: Polarity;
  article?: string;
  /** A claim key (see claim-key.ts). */
  key?: string;
  includeRetracted?: boolean;
}

export type ClaimOrder = 'newest' | 'oldest';

export interface ClaimArticle {
  articleId: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** A claim as the API shows it. `history` is not here: the REST layer reads it from the stream. */
export interface ClaimResponse extends Claim {
  key: string;
  retracted: boolean;
  retraction: Retraction | null;
  corrections: number;
  correctedAt: string | null;
  recordedAt: string;
  article: ClaimArticle;
}

const NO_ARTICLE = (articleId: string): ArticleMeta & { articleId: string } => ({
  articleId,
  title: null,
  outlet: null,
  url: null,
  publishedAt: null,
  recordedAt: '',
  time: NaN,
});

/** What a claim shows of its article (`meta` absent: the article is not recorded yet). */
export const claimArticleOf = (articleId: string, meta: ArticleMeta | undefined): ClaimArticle => {
  const m = meta ?? NO_ARTICLE(articleId);
  return { articleId, title: m.title, outlet: m.outlet, url: m.url, publishedAt: m.publishedAt };
};

export const claimArticle = (state: ClaimsState, articleId: string): ClaimArticle => claimArticleOf(articleId, state.articles.get(articleId));

/** A claim as the API shows it, from its record and its article: the in-memory and the stored read model both build it here. */
export const responseOfRecord = (record: ClaimRecord, article: ClaimArticle): ClaimResponse => ({
  ...record.claim,
  key: claimKey(record.claim),
  retracted: record.retraction !== null,
  retraction: record.retraction,
  corrections: record.corrections,
  correctedAt: record.correctedAt,
  recordedAt: record.recordedAt,
  article,
});

const buildResponse = (state: ClaimsState, record: ClaimRecord): ClaimResponse => responseOfRecord(record, claimArticle(state, record.claim.articleId));

interface MemoEntry {
  claim: ClaimRecord['claim'];
  retraction: Retraction | null;
  corrections: number;
  meta: ArticleMeta | undefined;
  response: ClaimResponse;
  /** JSON.stringify(response), made on first use: list bodies are joined from these, not stringified per request. */
  json?: string;
}

/**
 * Responses of recently shown records: a claim's response is the same for every request until the claim,
 * its retraction or its article changes (the projection replaces those objects, never edits
 * them), so busy pages stop rebuilding and re-keying the same fifty claims per request. Bounded:
 * the oldest entry goes first, so paging through a whole archive cannot grow it.
 */
const MEMO_SIZE = 20_000;
const memo = new Map<ClaimRecord, MemoEntry>();

const memoEntry = (state: ClaimsState, record: ClaimRecord): MemoEntry => {
  const meta = state.articles.get(record.claim.articleId);
  const hit = memo.get(record);
  if (hit && hit.claim === record.claim && hit.retraction === record.retraction && hit.corrections === record.corrections && hit.meta === meta) return hit;
  const entry: MemoEntry = {
    claim: record.claim,
    retraction: record.retraction,
    corrections: record.corrections,
    meta,
    response: buildResponse(state, record),
  };
  if (hit) memo.delete(record);
  else if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(record, entry);
  return entry;
};

/** A claim as the API shows it; shared between requests, so callers copy before adding fields. */
export const toClaimResponse = (state: ClaimsState, record: ClaimRecord): ClaimResponse => memoEntry(state, record).response;

/** JSON.stringify(toClaimResponse(state, record)), kept with the response and dropped with it when the claim, its retraction or its article changes. */
export const claimResponseJson = (state: ClaimsState, record: ClaimRecord): string => {
  const entry = memoEntry(state, record);
  return (entry.json ??= JSON.stringify(entry.response));
};

/** The time `from`/`to` and the ordering use: the article's published date, else when the claim was recorded. */
export const claimTime = (state: ClaimsState, record: ClaimRecord): number => claimTimeOf(state.articles.get(record.claim.articleId), record);

/** claimTime from the claim's article (absent when not recorded yet). */
export const claimTimeOf = (meta: ArticleMeta | undefined, record: ClaimRecord): number => {
  const t = meta?.time;
  return t === undefined || Number.isNaN(t) ? Date.parse(record.recordedAt) : t;
};

export const isLive = (record: ClaimRecord | undefined): record is ClaimRecord => !!record && record.retraction === null;

/** Whether a claim passes a filter; shared by every read model that lists claims. */
export const matchesClaim = (state: ClaimsState, record: ClaimRecord, f: ClaimFilter): boolean => {
  const c = record.claim;
  if (!f.includeRetracted && record.retraction) return false;
  if (f.type && c.type !== f.type) return false;
  if (f.article && c.articleId !== f.article) return false;
  if (f.topic && !c.topics.includes(f.topic)) return false;
  if (f.polarity && c.polarity !== f.polarity) return false;
  if (f.actor && !c.actors.some((a) => partyKey(a) === f.actor)) return false;
  if (f.target && !c.targets.some((t) => partyKey(t) === f.target)) return false;
  if (f.party && !c.actors.some((a) => partyKey(a) === f.party) && !c.targets.some((t) => partyKey(t) === f.party)) return false;
  if (f.source && sourceKey(c.source) !== f.source) return false;
  if (f.outlet) {
    const outlet = state.articles.get(c.articleId)?.outlet;
    if (!outlet || slug(outlet) !== f.outlet) return false;
  }
  if (f.key && claimKey(c) !== f.key) return false;
  if ((f.from !== undefined || f.to !== undefined) && !inRange(claimTime(state, record), f)) return false;
  return true;
};

/** Newest (or oldest) article first; then article, place in the article and id, so ties never reorder. */
export const compareRecords = (state: ClaimsState, order: ClaimOrder = 'newest') => {
  const sign = order === 'newest' ? -1 : 1;
  return (a: ClaimRecord, b: ClaimRecord): number =>
    sign * (claimTime(state, a) - claimTime(state, b)) ||
    compareStrings(a.claim.articleId, b.claim.articleId) ||
    a.claim.evidence.start - b.claim.evidence.start ||
    compareStrings(a.claim.claimId, b.claim.claimId);
};

/** Records for a list of ids (unknown ids skipped), filtered and sorted. */
export const selectClaims = (state: ClaimsState, ids: Iterable<string> | null, filter: ClaimFilter = {}, order: ClaimOrder = 'newest'): ClaimRecord[] => {
  const out: ClaimRecord[] = [];
  if (ids === null) {
    for (const record of state.claims.values()) if (matchesClaim(state, record, filter)) out.push(record);
  } else {
    for (const id of ids) {
      const record = state.claims.get(id);
      if (record && matchesClaim(state, record, filter)) out.push(record);
    }
  }
  return out.sort(compareRecords(state, order));
};

type Indexed = 'type' | 'actor' | 'target' | 'party' | 'source' | 'topic' | 'article';

/** The index lists that hold every match of `filter`, each with the filter fields it settles. */
const candidateLists = (state: ClaimsState, f: ClaimFilter): Array<{ list: RecordList | undefined; settles: Indexed[] }> => {
  const { lists } = claimIndex(state);
  const out: Array<{ list: RecordList | undefined; settles: Indexed[] }> = [];
  if (f.type) out.push({ list: lists.get(listKey('type', f.type)), settles: ['type'] });
  for (const dim of ['actor', 'target', 'party'] as const) {
    const value = f[dim];
    if (value === undefined) continue;
    out.push({ list: lists.get(listKey(dim, value)), settles: [dim] });
    if (f.type) out.push({ list: lists.get(listKey(dim, value, f.type)), settles: [dim, 'type'] });
  }
  for (const dim of ['source', 'topic', 'article'] as const) {
    const value = f[dim];
    if (value !== undefined) out.push({ list: lists.get(listKey(dim, value)), settles: [dim] });
  }
  if (!out.length) out.push({ list: lists.get(ALL), settles: [] });
  return out;
};

const FILTERS: ReadonlyArray<keyof ClaimFilter> = ['type', 'actor', 'target', 'party', 'source', 'outlet', 'topic', 'polarity', 'article', 'key', 'from', 'to'];

/**
 * One page of a listing, newest first, from the smallest index list that holds every match: a
 * slice when that list settles the whole filter, else a walk of that list alone.
 */
export const pageFromIndex = <T>(
  state: ClaimsState,
  list: RecordList | undefined,
  exact: boolean,
  filter: ClaimFilter,
  page: PageRequest,
  map: (r: ClaimRecord) => T,
): Page<T> => {
  const { offset, limit } = paginate([], page);
  const records = list?.records ?? [];
  const items: T[] = [];
  if (exact && (filter.includeRetracted || !list?.retracted)) {
    for (let i = records.length - 1 - offset; i >= 0 && items.length < limit; i--) items.push(map(records[i]));
    return { items, total: records.length, offset, limit };
  }
  let total = 0;
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (exact ? !filter.includeRetracted && r.retraction : !matchesClaim(state, r, filter)) continue;
    if (total >= offset && items.length < limit) items.push(map(r));
    total++;
    if (exact && items.length === limit) {
      total = records.length - (list?.retracted ?? 0);
      break;
    }
  }
  return { items, total, offset, limit };
};

/** GET /claims */
export const listClaims = (state: ClaimsState, filter: ClaimFilter = {}, page: PageRequest = {}, order: ClaimOrder = 'newest'): Page<ClaimResponse> => {
  if (order !== 'newest') return paginateMap(selectClaims(state, null, filter, order), page, (r) => toClaimResponse(state, r));
  const candidates = candidateLists(state, filter);
  const best = candidates.reduce((a, b) => ((b.list?.records.length ?? 0) < (a.list?.records.length ?? 0) ? b : a));
  const exact = FILTERS.every((k) => filter[k] === undefined || best.settles.includes(k as Indexed));
  return pageFromIndex(state, best.list, exact, filter, page, (r) => toClaimResponse(state, r));
};

/** listClaims as the JSON text of its page, joined from kept claim texts (GET /claims sends it as is). */
export const listClaimsJson = (state: ClaimsState, filter: ClaimFilter = {}, page: PageRequest = {}, order: ClaimOrder = 'newest'): string => {
  const json = (r: ClaimRecord) => claimResponseJson(state, r);
  if (order !== 'newest') return pageJson(paginateMap(selectClaims(state, null, filter, order), page, json));
  const candidates = candidateLists(state, filter);
  const best = candidates.reduce((a, b) => ((b.list?.records.length ?? 0) < (a.list?.records.length ?? 0) ? b : a));
  const exact = FILTERS.every((k) => filter[k] === undefined || best.settles.includes(k as Indexed));
  return pageJson(pageFromIndex(state, best.list, exact, filter, page, json));
};

/** GET /claims/:id — retracted claims are still found by id, flagged. */
export const getClaim = (state: ClaimsState, claimId: string): ClaimResponse | null => {
  const record = state.claims.get(claimId);
  return record ? toClaimResponse(state, record) : null;
};
