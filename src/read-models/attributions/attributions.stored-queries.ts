// Queries over the stored attributions read model (attributions.stored.ts): the same answers as
// attributions.queries.ts and corroboration.ts over the reference. A page is one find of summary
// rows by their terms and rank, then the sources and first and last claim of each key shown.
import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import { independentSource, normaliseClaimKey, parseClaimKey, TOPIC_PRECEDENCE } from '../claim-key.js';
import { claimResponsesOf } from '../claims/claims.stored-queries.js';
import { CLAIM_ID_SAMPLE, type SourceSummary } from '../claims/source-summary.js';
import { compareStrings, paginate, paginateMap, type Page, type PageRequest } from '../shared/page.js';
import { reportingOutlet } from '../shared/reporting-outlet.js';
import { columnsOf, type AccountOf, type AttributionDetail, type AttributionFilter, type AttributionSummary } from './attributions.queries.js';
import {
  ATTRIBUTION_ARTICLES,
  ATTRIBUTION_CLAIMS,
  KEY_SOURCES,
  KEY_SUMMARIES,
  rowKey,
  term,
  type KeySourceDoc,
  type KeySummaryDoc,
  type Variant,
} from './attributions.tables.js';
import { summaryTerms } from './attributions.stored.js';
import { corroborationStatus } from './corroboration.js';

const iso = (t: number | undefined): string => (t === undefined || Number.isNaN(t) ? '' : new Date(t).toISOString());

/** A sample of a source's asserted claims in a key, the first by id (summariseSources lists them so; `keys` returns them in that order). */
const claimIdsOf = (reader: ReadModelReader, variant: Variant, key: string, source: string): string[] =>
  reader.keys({ table: ATTRIBUTION_CLAIMS, all: [term.bySource(variant, key, source)] }, CLAIM_ID_SAMPLE);

const sourceSummary = (reader: ReadModelReader, variant: Variant, key: string, s: KeySourceDoc): SourceSummary => ({
  source: s.source,
  party: s.party,
  mentions: Object.keys(s.mentions).sort(compareStrings),
  outlets: Object.keys(s.outlets).sort(compareStrings),
  count: s.claims,
  claimIds: claimIdsOf(reader, variant, key, s.source),
});

/** A key's independent sources, most claims first, then by name (summariseSources' order). */
const sourcesOf = (reader: ReadModelReader, variant: Variant, key: string): SourceSummary[] =>
  reader.find({ table: KEY_SOURCES, all: [term.ofKey(variant, key)], count: false }).rows.map((r) => sourceSummary(reader, variant, key, r.doc));

/** The time of a key's earliest (asc) or latest (desc) claim. */
const edge = (reader: ReadModelReader, variant: Variant, key: string, order: 'asc' | 'desc'): number | undefined =>
  reader.find({ table: ATTRIBUTION_CLAIMS, all: [term.ofKey(variant, key)], order, limit: 1, count: false }).rows[0]?.sort;

const summaryOf = (reader: ReadModelReader, variant: Variant, s: KeySummaryDoc): AttributionSummary => {
  const parts = parseClaimKey(s.key)!;
  const sources = sourcesOf(reader, variant, s.key);
  return {
    key: s.key,
    ...parts,
    topics: TOPIC_PRECEDENCE.filter((t) => s.topics[t]),
    claims: s.claims,
    articles: s.articles,
    reports: s.reports,
    status: corroborationStatus(sources.length),
    sources,
    denied: s.claims - s.asserted,
    firstAt: iso(edge(reader, variant, s.key, 'asc')),
    lastAt: iso(edge(reader, variant, s.key, 'desc')),
  };
};

/** The filter as summary terms, the rarest first. */
const filterTerms = (variant: Variant, f: AttributionFilter): string[] => {
  const terms: string[] = [];
  if (f.source !== undefined) terms.push(term.source(f.source));
  if (f.actor !== undefined) terms.push(term.actor(f.actor));
  if (f.target !== undefined) terms.push(term.target(f.target));
  if (f.party !== undefined) terms.push(term.party(f.party));
  if (f.topic !== undefined) terms.push(term.topic(f.topic));
  if (f.type !== undefined) terms.push(term.type(f.type));
  if (f.status !== undefined) terms.push(term.status(f.status));
  terms.push(term.variant(variant));
  return terms;
};

/**
 * Keys with a claim published in the range: found from the claims in it (their rows sort by
 * time), then ranked here. Bounded by the claims in the range, not by the whole table.
 */
const keysInRange = (reader: ReadModelReader, variant: Variant, f: AttributionFilter, page: { offset: number; limit: number }): Page<KeySummaryDoc> => {
  const claims = reader.find({ table: ATTRIBUTION_CLAIMS, all: [], from: f.from, to: f.to, count: false }).rows;
  const keys = [...new Set(claims.filter((r) => variant === 'all' || !r.doc.retracted).map((r) => rowKey.summary(variant, r.doc.key)))];
  const wanted = filterTerms(variant, f);
  const found = [...reader.getMany(KEY_SUMMARIES, keys)]
    .map(([key, doc]) => ({ key, doc, rank: doc.sources * 2 ** 26 + doc.claims }))
    .filter(({ doc }) => {
      const terms = new Set(summaryTerms(variant, doc));
      return wanted.every((t) => terms.has(t));
    })
    .sort((a, b) => b.rank - a.rank || compareStrings(a.key, b.key));
  return { items: found.slice(page.offset, page.offset + page.limit).map((x) => x.doc), total: found.length, ...page };
};

/** GET /attributions — keys with their claims' sources; most independent sources first, then most claims, then key. */
export const listAttributionsStored = (reader: ReadModelReader, filter: AttributionFilter = {}, page: PageRequest = {}): Page<AttributionSummary> => {
  const variant: Variant = filter.includeRetracted ? 'all' : 'live';
  const { offset, limit } = paginate([], page);
  let found: Page<KeySummaryDoc>;
  if (filter.from !== undefined || filter.to !== undefined) found = keysInRange(reader, variant, filter, { offset, limit });
  else {
    const rows = reader.find({ table: KEY_SUMMARIES, all: filterTerms(variant, filter), offset, limit });
    found = { items: rows.rows.map((r) => r.doc), total: rows.total, offset, limit };
  }
  return { ...found, items: found.items.map((s) => summaryOf(reader, variant, s)) };
};

/** The independent sources asserting a claim key (live claims), most claims first, then by name: keySources over the reference. */
export const keySourcesStored = (reader: ReadModelReader, key: string): string[] =>
  reader.find({ table: KEY_SOURCES, all: [term.ofKey('live', key)], count: false }).rows.map((r) => r.doc.source);

/** Reading order, oldest first: time, article, place in the article, id (compareRecords 'oldest'). */
const oldestFirst = (x: AccountOf, y: AccountOf): number =>
  x.time - y.time ||
  compareStrings(x.claim.articleId, y.claim.articleId) ||
  x.claim.evidence.start - y.claim.evidence.start ||
  compareStrings(x.claim.claimId, y.claim.claimId);

/** GET /attributions/:key — one claim key side by side, source by source (every claim of the key is shown, so all are read). */
export const getAttributionStored = (
  reader: ReadModelReader,
  key: string,
  opts: { includeRetracted?: boolean } = {},
  page: PageRequest = {},
): AttributionDetail | null => {
  const stored = normaliseClaimKey(key);
  if (stored === null) return null;
  const variant: Variant = opts.includeRetracted ? 'all' : 'live';
  const summary = reader.get(KEY_SUMMARIES, rowKey.summary(variant, stored));
  if (!summary) return null;
  const rows = reader.find({ table: ATTRIBUTION_CLAIMS, all: [term.ofKey(variant, stored)], count: false }).rows;
  const responses = claimResponsesOf(
    reader,
    rows.map((r) => r.key),
  );
  // Sources are told apart by the outlet an article reports as (a syndicated copy's original's).
  const articles = reader.getMany(
    ATTRIBUTION_ARTICLES,
    rows.map((r) => r.doc.articleId),
  );
  const accounts = rows.flatMap((r): AccountOf[] => {
    const response = responses.get(r.key);
    const source = response && independentSource(response.source, reportingOutlet(articles.get(r.doc.articleId)));
    return response ? [{ claim: response, source: source!, article: response.article, time: r.sort, retracted: response.retracted }] : [];
  });
  return { ...summaryOf(reader, variant, summary), columns: paginateMap(columnsOf(accounts.sort(oldestFirst)), page, (c) => c) };
};
