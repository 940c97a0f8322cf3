// Indexes over the claims read model, derived from its state and never saved: lists of records kept in
// listing order as events arrive (so a page is a walk from one end, not a filter and sort of every
// claim), and per-party source summaries kept current (so GET /parties/:party does not regroup a
// busy party's whole history per request). Held on a non-enumerable property, so snapshots and
// the stable hash never see them; a state without one (restored, or built by hand) gets one
// rebuilt on first use.
import type { Claim, ClaimType } from '../../domain/claim.js';
import { claimKey, partyKeys, sourceKey } from '../claim-key.js';
import { claimSource } from './reports.js';
import { compareStrings } from '../shared/page.js';
import type { ClaimRecord, ClaimsState } from './claims.projection.js';

/** Records in ascending listing key, so the newest is last; `retracted` counts the retracted ones in it. */
export interface RecordList {
  records: ClaimRecord[];
  retracted: number;
}

/** One independent source of a party's claims in one role and type: live claims only. */
export interface SourceTally {
  party: string | null;
  mentions: Map<string, number>;
  outlets: Map<string, number>;
  ids: string[];
}

export type PartyRoleKey = 'actor' | 'target' | 'source';

export interface ClaimIndex {
  lists: Map<string, RecordList>;
  /** party key → `role` or `role|type` → independent source → tally. */
  parties: Map<string, Map<string, Map<string, SourceTally>>>;
  /**
   * claim key → independent source → how many live asserted claims of that key rest on it: a
   * key's corroboration (GET /conflicts flags every claim it shows) without reading its claims.
   */
  keys: Map<string, Map<string, number>>;
  /** Bumped on every change, so caches built from the read model know when they are stale. */
  version: number;
}

export const ALL = '*';
export const listKey = (dimension: string, value: string, type?: ClaimType): string => `${dimension}:${value}${type ? `|${type}` : ''}`;

/** Every list a claim belongs to; each once. */
export const keysOf = (c: Claim): string[] => {
  const actors = partyKeys(c.actors);
  const targets = partyKeys(c.targets);
  const source = sourceKey(c.source);
  const involved = new Set([...actors, ...targets]);
  const keys = [ALL, listKey('type', c.type), listKey('source', source), listKey('article', c.articleId)];
  for (const a of actors) keys.push(listKey('actor', a), listKey('actor', a, c.type));
  for (const t of targets) keys.push(listKey('target', t), listKey('target', t, c.type));
  for (const p of involved) keys.push(listKey('party', p), listKey('party', p, c.type));
  involved.add(source);
  for (const p of involved) keys.push(listKey('involved', p));
  for (const t of new Set(c.topics)) keys.push(listKey('topic', t));
  return keys;
};

/** The time listings sort by: the article's published date, else when the claim was recorded. */
export const recordTime = (state: ClaimsState, record: ClaimRecord): number => {
  const t = state.articles.get(record.claim.articleId)?.time;
  return t === undefined || Number.isNaN(t) ? Date.parse(record.recordedAt) : t;
};

/** Newest first; then article, place in the article and id, so ties never reorder. */
export const newestFirst = (state: ClaimsState) => (a: ClaimRecord, b: ClaimRecord): number =>
  recordTime(state, b) - recordTime(state, a) ||
  compareStrings(a.claim.articleId, b.claim.articleId) ||
  a.claim.evidence.start - b.claim.evidence.start ||
  compareStrings(a.claim.claimId, b.claim.claimId);

/** Stored order: the reverse of newestFirst, so arrivals (mostly the newest) append. */
const storedOrder = (state: ClaimsState) => {
  const newest = newestFirst(state);
  return (a: ClaimRecord, b: ClaimRecord): number => newest(b, a);
};

/** First position whose record does not sort before `r`. */
const lowerBound = (records: ClaimRecord[], r: ClaimRecord, cmp: (a: ClaimRecord, b: ClaimRecord) => number): number => {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(records[mid], r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const insert = (index: ClaimIndex, key: string, r: ClaimRecord, cmp: (a: ClaimRecord, b: ClaimRecord) => number): void => {
  let list = index.lists.get(key);
  if (!list) index.lists.set(key, (list = { records: [], retracted: 0 }));
  const { records } = list;
  if (!records.length || cmp(records[records.length - 1], r) < 0) records.push(r);
  else records.splice(lowerBound(records, r, cmp), 0, r);
  if (r.retraction) list.retracted++;
};

const remove = (index: ClaimIndex, key: string, r: ClaimRecord, cmp: (a: ClaimRecord, b: ClaimRecord) => number): void => {
  const list = index.lists.get(key);
  if (!list) return;
  let i = lowerBound(list.records, r, cmp);
  if (list.records[i] !== r) i = list.records.indexOf(r);
  if (i < 0) return;
  list.records.splice(i, 1);
  if (r.retraction) list.retracted--;
  if (!list.records.length) index.lists.delete(key);
};

const roleGroups = (c: Claim): Array<[string, string]> => {
  const groups: Array<[string, string]> = [];
  for (const a of partyKeys(c.actors)) groups.push([a, `actor|${c.type}`]);
  for (const t of partyKeys(c.targets)) groups.push([t, `target|${c.type}`]);
  groups.push([sourceKey(c.source), 'source']);
  return groups;
};

const bump = (m: Map<string, number>, key: string, by: number): void => {
  const n = (m.get(key) ?? 0) + by;
  if (n > 0) m.set(key, n);
  else m.delete(key);
};

/** Adds (+1) or takes away (-1) a live claim from its parties' source tallies. */
const tally = (state: ClaimsState, index: ClaimIndex, r: ClaimRecord, by: 1 | -1): void => {
  const c = r.claim;
  const outlet = state.articles.get(c.articleId)?.outlet ?? null;
  const source = claimSource(state, c);
  for (const [party, group] of roleGroups(c)) {
    let groups = index.parties.get(party);
    if (!groups) index.parties.set(party, (groups = new Map<string, Map<string, SourceTally>>()));
    let sources = groups.get(group);
    if (!sources) groups.set(group, (sources = new Map<string, SourceTally>()));
    let t = sources.get(source);
    if (!t) sources.set(source, (t = { party: c.source.party, mentions: new Map(), outlets: new Map(), ids: [] }));
    if (c.source.mention) bump(t.mentions, c.source.mention, by);
    if (outlet) bump(t.outlets, outlet, by);
    if (by > 0) t.ids.push(c.claimId);
    else {
      const i = t.ids.lastIndexOf(c.claimId);
      if (i >= 0) t.ids.splice(i, 1);
      if (!t.ids.length) sources.delete(source);
      if (!sources.size) groups.delete(group);
      if (!groups.size) index.parties.delete(party);
    }
  }
};

/** Adds (+1) or takes away (-1) a live claim from its key's corroboration tally; denials never corroborate. */
const tallyKey = (state: ClaimsState, index: ClaimIndex, r: ClaimRecord, by: 1 | -1): void => {
  const c = r.claim;
  if (c.polarity !== 'asserted') return;
  const key = claimKey(c);
  let sources = index.keys.get(key);
  if (!sources) index.keys.set(key, (sources = new Map<string, number>()));
  bump(sources, claimSource(state, c), by);
  if (!sources.size) index.keys.delete(key);
};

/** Call before anything the listing key or the lists depend on changes (claim, article time, retraction). */
export const unindexRecord = (state: ClaimsState, index: ClaimIndex, r: ClaimRecord): void => {
  const cmp = storedOrder(state);
  for (const key of keysOf(r.claim)) remove(index, key, r, cmp);
  if (!r.retraction) {
    tally(state, index, r, -1);
    tallyKey(state, index, r, -1);
  }
  index.version++;
};

export const indexRecord = (state: ClaimsState, index: ClaimIndex, r: ClaimRecord): void => {
  const cmp = storedOrder(state);
  for (const key of keysOf(r.claim)) insert(index, key, r, cmp);
  if (!r.retraction) {
    tally(state, index, r, 1);
    tallyKey(state, index, r, 1);
  }
  index.version++;
};

const INDEX = Symbol('claimIndex');
type Indexed = ClaimsState & { [INDEX]?: ClaimIndex };

const build = (state: ClaimsState): ClaimIndex => {
  const index: ClaimIndex = { lists: new Map(), parties: new Map(), keys: new Map(), version: 0 };
  const records = [...state.claims.values()].sort(storedOrder(state));
  // Sorted once, then every insert appends.
  for (const r of records) indexRecord(state, index, r);
  return index;
};

/** The state's index, built on first use. Symbol-keyed: Object.entries (snapshots, hashes) skips it. */
export const claimIndex = (state: ClaimsState): ClaimIndex => {
  const s = state as Indexed;
  return (s[INDEX] ??= build(state));
};

/** The index only if it exists: the projection keeps it current, but builds none until asked. */
export const existingIndex = (state: ClaimsState): ClaimIndex | undefined => (state as Indexed)[INDEX];

/** The independent sources asserting a claim key (live claims), most claims first, then by name: summariseSources' order. */
export const keySources = (state: ClaimsState, key: string): string[] =>
  [...(claimIndex(state).keys.get(key) ?? [])]
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .map(([source]) => source);
