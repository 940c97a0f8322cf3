// The sources read model's queries over the read-model store: the same answers as
// sources.queries.ts over the reference states, live or as of a position. Counts and carriers are
// read from the rows `apply` keeps; only a page filtered by type, party or publication time
// counts the entry's matching claims.
import { CLAIM_TYPES, type ClaimType } from '../../domain/claim.js';
import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import type { ClaimResponse } from '../claims/claims.queries.js';
import { claimResponsesOf } from '../claims/claims.stored-queries.js';
import type { TimeRange } from '../shared/dates.js';
import { countModeOf, publishedSortRange, type CountMode } from '../shared/stored-claim-facts.js';
import { compareStrings, paginate, type Page, type PageRequest } from '../shared/page.js';
import { trigramTerms } from '../shared/trigrams.js';
import type { Carrier, SourceDetail, SourceListFilter, SourceSummaryItem } from './sources.queries.js';
import { sourceSummary } from './source-changes.js';
import { entryTerm, everyClaimTerm, listTerm, sourcesTables as T, type EntryClaimDoc } from './sources.tables.js';

/** The filters GET /sources/:source takes. */
export interface StoredSourceClaimFilter extends TimeRange {
  type?: ClaimType;
  actor?: string;
  target?: string;
  includeRetracted?: boolean;
}

/** `q` as trigram terms of the entries, checked for the substring after; under three characters it checks the list rows. */
const searchSources = (reader: ReadModelReader, mode: CountMode, filter: SourceListFilter, q: string, page: PageRequest): Page<SourceSummaryItem> => {
  const grams = trigramTerms([q]);
  const items = grams.length
    ? [
        ...reader
          .getMany(
            T.list,
            reader.find({ table: T.entries, all: grams }).rows.map((r) => entryTerm(mode, r.key)),
          )
          .values(),
      ]
    : reader.find({ table: T.list, all: [listTerm(mode, filter.kind)] }).rows.map((r) => r.doc);
  return paginate(items.filter((s) => matches(s, filter)).sort(mostFirst), page);
};

const matches = (s: SourceSummaryItem, filter: SourceListFilter): boolean => {
  const q = filter.q?.toLowerCase();
  return s.claims > 0 && (!filter.kind || s.kind === filter.kind) && (!q || s.key.includes(q) || s.label.toLowerCase().includes(q));
};

const mostFirst = (a: SourceSummaryItem, b: SourceSummaryItem): number => b.claims - a.claims || compareStrings(a.key, b.key);

/** Counts of the claims published within a range: a sort range of every entry's claims, counted per entry. */
const sourcesInRange = (reader: ReadModelReader, mode: CountMode, filter: SourceListFilter, page: PageRequest): Page<SourceSummaryItem> => {
  const counts = new Map<string, Partial<Record<ClaimType, number>>>();
  for (const { key, doc } of reader.find({ table: T.entryClaims, all: [everyClaimTerm(mode)], ...publishedSortRange(filter) }).rows) {
    const entry = key.slice(0, key.indexOf('|'));
    const byType = counts.get(entry) ?? {};
    counts.set(entry, byType);
    byType[doc.type] = (byType[doc.type] ?? 0) + 1;
  }
  const entries = reader.getMany(T.entries, [...counts.keys()]);
  const items = [...counts].flatMap(([entry, byType]) => {
    const e = entries.get(entry);
    return e ? [sourceSummary(e, byType)] : [];
  });
  return paginate(items.filter((s) => matches(s, filter)).sort(mostFirst), page);
};

/** GET /sources — sources and outlets with the number of claims resting on them; most first, then key. */
export const listSourcesStored = (reader: ReadModelReader, filter: SourceListFilter = {}, page: PageRequest = {}): Page<SourceSummaryItem> => {
  const mode = countModeOf(filter.includeRetracted);
  if (filter.from !== undefined || filter.to !== undefined) return sourcesInRange(reader, mode, filter, page);
  if (filter.q) return searchSources(reader, mode, filter, filter.q.toLowerCase(), page);
  const { offset, limit } = paginate([], page);
  const found = reader.find({ table: T.list, all: [listTerm(mode, filter.kind)], offset, limit });
  return { items: found.rows.map((r) => r.doc), total: found.total, offset, limit };
};

const selection = (key: string, f: StoredSourceClaimFilter) => ({
  table: T.entryClaims,
  all: [
    entryTerm(countModeOf(f.includeRetracted), key),
    ...(f.type === undefined ? [] : [`type:${f.type}`]),
    ...(f.actor === undefined ? [] : [`actor:${f.actor}`]),
    ...(f.target === undefined ? [] : [`target:${f.target}`]),
  ],
  ...publishedSortRange(f),
});

const byTypeOf = (docs: readonly EntryClaimDoc[]): Partial<Record<ClaimType, number>> => {
  const out: Partial<Record<ClaimType, number>> = {};
  for (const t of CLAIM_TYPES) {
    const n = docs.filter((d) => d.type === t).length;
    if (n) out[t] = n;
  }
  return out;
};

/** Carriers of the filtered claims, each labelled as its newest claim names it. */
const carriersOf = (docs: readonly EntryClaimDoc[]): Carrier[] => {
  const carriers = new Map<string, Carrier>();
  for (const { carrier } of docs) {
    const c = carriers.get(carrier.key) ?? { ...carrier, claims: 0 };
    c.claims++;
    carriers.set(carrier.key, c);
  }
  return [...carriers.values()].sort((a, b) => b.claims - a.claims || compareStrings(a.key, b.key));
};

/** `kept`: the total when the rows keep it (an unfiltered page), so the page need not count the entry's claims. */
const itemsPage = (reader: ReadModelReader, key: string, f: StoredSourceClaimFilter, page: PageRequest, kept: number | null): Page<ClaimResponse> => {
  const { offset, limit } = paginate([], page);
  const found = reader.find({ ...selection(key, f), offset, limit, count: kept === null });
  const responses = claimResponsesOf(
    reader,
    found.rows.map((r) => r.doc.claimId),
  );
  return { items: found.rows.flatMap((r) => responses.get(r.doc.claimId) ?? []), total: kept ?? found.total, offset, limit };
};

/** GET /sources/:source, newest first — every claim resting on a source (or outlet `@slug`), with where else it appears. */
export const getSourceStored = (reader: ReadModelReader, key: string, filter: StoredSourceClaimFilter = {}, page: PageRequest = {}): SourceDetail | null => {
  const e = reader.get(T.entries, key);
  if (!e) return null;
  const mode = countModeOf(filter.includeRetracted);
  const { includeRetracted: _, ...narrowing } = filter;
  let counts: Pick<SourceDetail, 'claims' | 'byType' | 'carriers'>;
  const narrowed = Object.keys(narrowing).length > 0;
  if (narrowed) {
    const docs = reader.find(selection(key, filter)).rows.map((r) => r.doc);
    counts = { claims: docs.length, byType: byTypeOf(docs), carriers: carriersOf(docs) };
  } else {
    const item = reader.get(T.list, entryTerm(mode, key));
    const carriers = reader
      .find({ table: T.carriers, all: [entryTerm(mode, key)] })
      .rows.map(({ doc }) => ({ key: doc.key, label: doc.label, claims: doc.claims }));
    counts = { claims: item?.claims ?? 0, byType: item?.byType ?? {}, carriers };
  }
  return {
    key: e.key,
    kind: e.kind,
    party: e.party,
    label: e.label,
    claims: counts.claims,
    byType: counts.byType,
    carriers: counts.carriers,
    items: itemsPage(reader, key, filter, page, narrowed ? null : counts.claims),
  };
};
