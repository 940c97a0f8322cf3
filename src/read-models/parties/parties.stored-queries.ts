// The parties read model's queries over the read-model store: the same answers as
// parties.queries.ts over the reference states, live or as of a position (whichever the reader
// reads). Counts and source summaries are read from the rows `apply` keeps; only a page filtered
// by topic, source or publication time groups the party's matching claims.
import { CLAIM_TYPES, type ClaimType } from '../../domain/claim.js';
import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import { claimResponsesOf } from '../claims/claims.stored-queries.js';
import { CLAIM_ID_SAMPLE, summariseSourcedClaims, type SourceSummary } from '../claims/source-summary.js';
import type { TimeRange } from '../shared/dates.js';
import { countModeOf, publishedSortRange, type CountMode } from '../shared/stored-claim-facts.js';
import { compareStrings, paginate, type Page, type PageRequest } from '../shared/page.js';
import {
  keptPath,
  type PartyClaimFilter,
  type PartyClaimResponse,
  type PartyDetail,
  type PartyListFilter,
  type PartyRole,
  type PartySummary,
  type TypeGroup,
} from './parties.queries.js';
import { trigramTerms } from '../shared/trigrams.js';
import { partySummary } from './party-changes.js';
import {
  claimTerm,
  everyClaimTerm,
  listKey,
  listTerm,
  partiesTables as T,
  partyTerm,
  type PartyClaimDoc,
  type PartyEntryDoc,
  type SourceTallyDoc,
} from './parties.tables.js';

/** The filters the party routes take. */
export type StoredPartyClaimFilter = Pick<PartyClaimFilter, 'role' | 'type' | 'topic' | 'source' | 'includeRetracted'> & TimeRange;

/** The list filter as one term of the list rows: the role (type ignored for source, as the reference does) and type. */
const listFilterTerm = (mode: CountMode, { role, type }: PartyListFilter): string =>
  role === 'source' ? listTerm(mode, 'source') : listTerm(mode, role ?? (type ? '*' : undefined), type);

const sum = (c: Partial<Record<ClaimType, number>>): number => Object.values(c).reduce((a, b) => a + (b ?? 0), 0);

/** listParties' `relevant`: the list term says the same of a row, this says it of a doc. */
const relevant = (s: PartySummary, { role, type }: PartyListFilter): number =>
  role === 'actor'
    ? type
      ? (s.asActor[type] ?? 0)
      : sum(s.asActor)
    : role === 'target'
      ? type
        ? (s.asTarget[type] ?? 0)
        : sum(s.asTarget)
      : role === 'source'
        ? s.asSource
        : type
          ? (s.asActor[type] ?? 0) + (s.asTarget[type] ?? 0)
          : s.total;

/**
 * `q` as trigram terms of the entries: parties holding every trigram of q, checked for the
 * substring after; a q under three characters matches too many parties for an index to help, so
 * it checks the list rows of the filter.
 */
const searchParties = (reader: ReadModelReader, mode: CountMode, filter: PartyListFilter, q: string, page: PageRequest): Page<PartySummary> => {
  const grams = trigramTerms([q]);
  const summaries = grams.length
    ? [
        ...reader
          .getMany(
            T.list,
            reader.find({ table: T.entries, all: grams }).rows.map((r) => listKey(mode, r.key)),
          )
          .values(),
      ]
    : reader.find({ table: T.list, all: [listFilterTerm(mode, filter)] }).rows.map((r) => r.doc);
  const items = summaries.filter((s) => matches(s, filter)).sort((a, b) => b.total - a.total || compareStrings(a.key, b.key));
  return paginate(items, page);
};

const matches = (s: PartySummary, filter: PartyListFilter): boolean => {
  const q = filter.q?.toLowerCase();
  return !!relevant(s, filter) && (!q || s.key.includes(q) || s.label.toLowerCase().includes(q));
};

/**
 * Counts of the claims published within a range: the range is a sort range of every party's
 * claims, counted per party (no kept count can answer for any range).
 */
const partiesInRange = (reader: ReadModelReader, mode: CountMode, filter: PartyListFilter, page: PageRequest): Page<PartySummary> => {
  const counts = new Map<string, Pick<PartySummary, 'asActor' | 'asTarget' | 'asSource'>>();
  for (const { key, doc } of reader.find({ table: T.partyClaims, all: [everyClaimTerm(mode)], ...publishedSortRange(filter) }).rows) {
    const party = key.slice(0, key.indexOf('|'));
    const c = counts.get(party) ?? { asActor: {}, asTarget: {}, asSource: 0 };
    counts.set(party, c);
    for (const role of doc.roles) {
      if (role === 'source') c.asSource++;
      else {
        const byType = role === 'actor' ? c.asActor : c.asTarget;
        byType[doc.type] = (byType[doc.type] ?? 0) + 1;
      }
    }
  }
  const entries = reader.getMany(T.entries, [...counts.keys()]);
  const items = [...counts]
    .flatMap(([party, c]) => {
      const e = entries.get(party);
      return e ? [partySummary(e, c)] : [];
    })
    .filter((s) => matches(s, filter))
    .sort((a, b) => b.total - a.total || compareStrings(a.key, b.key));
  return paginate(items, page);
};

/** GET /parties — most claims first, then key. Parties with only retracted claims are left out. */
export const listPartiesStored = (reader: ReadModelReader, filter: PartyListFilter = {}, page: PageRequest = {}): Page<PartySummary> => {
  const mode = countModeOf(filter.includeRetracted);
  if (filter.from !== undefined || filter.to !== undefined) return partiesInRange(reader, mode, filter, page);
  if (filter.q) return searchParties(reader, mode, filter, filter.q.toLowerCase(), page);
  const { offset, limit } = paginate([], page);
  const found = reader.find({ table: T.list, all: [listFilterTerm(mode, filter)], offset, limit });
  return { items: found.rows.map((r) => r.doc), total: found.total, offset, limit };
};

const summaryOf = (t: SourceTallyDoc, source: string): SourceSummary => ({
  source,
  party: t.party,
  mentions: Object.keys(t.mentions),
  outlets: Object.keys(t.outlets),
  count: t.count,
  claimIds: t.sample,
});

const bySize = (a: SourceSummary, b: SourceSummary): number => b.count - a.count || compareStrings(a.source, b.source);

/** One source's tallies across types: counts add up, the lowest ids of each hold the lowest of all. */
const merged = (summaries: SourceSummary[]): SourceSummary => ({
  ...summaries[0],
  mentions: [...new Set(summaries.flatMap((s) => s.mentions))].sort(compareStrings),
  outlets: [...new Set(summaries.flatMap((s) => s.outlets))].sort(compareStrings),
  count: summaries.reduce((n, s) => n + s.count, 0),
  claimIds: summaries
    .flatMap((s) => s.claimIds)
    .sort(compareStrings)
    .slice(0, CLAIM_ID_SAMPLE),
});

type Summaries = Pick<PartyDetail, 'asActor' | 'asTarget' | 'asSource'>;

const typeGroups = (byType: Map<ClaimType, SourceSummary[]>): TypeGroup[] =>
  CLAIM_TYPES.flatMap((type) => {
    const sources = byType.get(type);
    return sources ? [{ type, count: sources.reduce((n, s) => n + s.count, 0), sources: sources.sort(bySize) }] : [];
  });

/** A party's summaries from its kept tallies (of one type when given): one indexed read. */
const talliedSummaries = (reader: ReadModelReader, mode: CountMode, party: string, type: ClaimType | undefined): Summaries => {
  const groups = { actor: new Map<ClaimType, SourceSummary[]>(), target: new Map<ClaimType, SourceSummary[]>(), source: new Map<string, SourceSummary[]>() };
  for (const { key, doc } of reader.find({ table: T.tallies, all: [partyTerm(mode, party)] }).rows) {
    const [, , role, tallyType, ...source] = key.split('|') as [string, string, PartyRole, ClaimType, ...string[]];
    if (type && tallyType !== type) continue;
    const summary = summaryOf(doc, source.join('|'));
    if (role === 'source') groups.source.set(summary.source, [...(groups.source.get(summary.source) ?? []), summary]);
    else groups[role].set(tallyType, [...(groups[role].get(tallyType) ?? []), summary]);
  }
  const sources = [...groups.source.values()].map(merged).sort(bySize);
  return { asActor: typeGroups(groups.actor), asTarget: typeGroups(groups.target), asSource: { count: sources.reduce((n, s) => n + s.count, 0), sources } };
};

/** The party's claims in a role (`*`: any) matching the filter, as one indexed selection. */
const claimSelection = (party: string, role: PartyRole | '*', f: StoredPartyClaimFilter) => ({
  table: T.partyClaims,
  all: [
    claimTerm(countModeOf(f.includeRetracted), party, role),
    ...(f.type === undefined ? [] : [`type:${f.type}`]),
    ...(f.source === undefined ? [] : [`source:${f.source}`]),
    ...(f.topic === undefined ? [] : [`topic:${f.topic}`]),
  ],
  ...publishedSortRange(f),
});

/** Summaries of the claims a filter by topic, source or time keeps: grouped from those claims, newest first. */
const groupedSummaries = (reader: ReadModelReader, party: string, f: StoredPartyClaimFilter): Summaries => {
  const docs = reader.find(claimSelection(party, '*', f)).rows.map((r) => r.doc);
  const inRole = (role: PartyRole, type?: ClaimType) => docs.filter((d) => d.roles.includes(role) && (!type || d.type === type));
  const groups = (role: PartyRole): TypeGroup[] =>
    CLAIM_TYPES.flatMap((type) => {
      const claims = inRole(role, type);
      return claims.length ? [{ type, count: claims.length, sources: summariseSourcedClaims(claims, CLAIM_ID_SAMPLE) }] : [];
    });
  const sourced = inRole('source');
  return {
    asActor: groups('actor'),
    asTarget: groups('target'),
    asSource: { count: sourced.length, sources: summariseSourcedClaims(sourced, CLAIM_ID_SAMPLE) },
  };
};

/** The page's total when the rows keep it (no filter but the role and includeRetracted), else null: counted. */
const keptTotal = (reader: ReadModelReader, e: PartyEntryDoc, f: StoredPartyClaimFilter): number | null => {
  const { role, includeRetracted, ...rest } = f;
  if (Object.keys(rest).length) return null;
  if (!role) return includeRetracted ? e.claims : e.live;
  const s = reader.get(T.list, listKey(countModeOf(includeRetracted), e.key));
  if (!s) return 0;
  return role === 'actor' ? sum(s.asActor) : role === 'target' ? sum(s.asTarget) : s.asSource;
};

const claimsPage = (reader: ReadModelReader, e: PartyEntryDoc, f: StoredPartyClaimFilter, page: PageRequest): Page<PartyClaimResponse> => {
  const { offset, limit } = paginate([], page);
  const kept = keptTotal(reader, e, f);
  const found = reader.find({ ...claimSelection(e.key, f.role ?? '*', f), offset, limit, count: kept === null });
  const docs: PartyClaimDoc[] = found.rows.map((r) => r.doc);
  const responses = claimResponsesOf(
    reader,
    docs.map((d) => d.claimId),
  );
  const items = docs.flatMap((d) => {
    const response = responses.get(d.claimId);
    return response ? [{ ...response, roles: d.roles }] : [];
  });
  return { items, total: kept ?? found.total, offset, limit };
};

const entryOf = (reader: ReadModelReader, party: string): PartyEntryDoc | undefined => reader.get(T.entries, party);

/** GET /parties/:party, newest first: what it did (as actor), what was done or said about it (as target), what it asserted (as source). */
export const getPartyStored = (reader: ReadModelReader, party: string, filter: StoredPartyClaimFilter = {}, page: PageRequest = {}): PartyDetail | null => {
  const e = entryOf(reader, party);
  if (!e) return null;
  const { claimFilter } = keptPath(filter, 'newest');
  const { type, includeRetracted, ...rest } = claimFilter as StoredPartyClaimFilter;
  const tallied = !Object.keys(rest).length;
  const summaries = tallied ? talliedSummaries(reader, countModeOf(includeRetracted), party, type) : groupedSummaries(reader, party, filter);
  return { key: e.key, party: e.party, label: e.label, ...summaries, claims: claimsPage(reader, e, filter, page) };
};

/** getPartyStored as the JSON text GET /parties/:party sends (null: no such party). */
export const getPartyStoredJson = (reader: ReadModelReader, party: string, filter: StoredPartyClaimFilter = {}, page: PageRequest = {}): string | null => {
  const detail = getPartyStored(reader, party, filter, page);
  return detail && JSON.stringify(detail);
};
