// The claims read model's queries over the read-model store: the same answers as claims.queries.ts
// over the reference state, live or as of a position (whichever the reader reads). Every filter
// is a term of the claim rows or their sort range, so each listing is one indexed query.
import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import { pageJson, paginate, type Page, type PageRequest } from '../shared/page.js';
import { ALL, listKey } from './claim-index.js';
import { responseOfRecord, type ClaimFilter, type ClaimResponse } from './claims.queries.js';
import { isCounted, LIVE } from './claims.stored.js';
import { CLAIM_COUNTS, CLAIM_PLACES, CLAIMS, type ClaimDoc } from './claims.tables.js';

export const responseOfDoc = (doc: ClaimDoc): ClaimResponse => responseOfRecord(doc.record, doc.article);

/** Claim responses by id (unknown ids left out), for the read models that join claim details: toClaimResponse's stored twin. */
export const claimResponsesOf = (reader: ReadModelReader, claimIds: readonly string[]): Map<string, ClaimResponse> => {
  const places = reader.getMany(CLAIM_PLACES, claimIds);
  const docs = reader.getMany(
    CLAIMS,
    [...places.values()].map((p) => p.place),
  );
  const responses = new Map<string, ClaimResponse>();
  for (const [claimId, { place }] of places) {
    const doc = docs.get(place);
    if (doc) responses.set(claimId, responseOfDoc(doc));
  }
  return responses;
};

/** GET /claims/:id — retracted claims are still found by id, flagged. */
export const getClaimStored = (reader: ReadModelReader, claimId: string): ClaimResponse | null => claimResponsesOf(reader, [claimId]).get(claimId) ?? null;

/**
 * A filter's terms, the rarest kind first (it drives the query): an article, a claim key, a
 * party in a role with the type, a party, a source, a topic, an outlet, a type, a polarity.
 */
export const claimFilterTerms = (f: ClaimFilter): string[] => {
  const terms: string[] = [];
  if (f.article !== undefined) terms.push(listKey('article', f.article));
  if (f.key !== undefined) terms.push(listKey('key', f.key));
  for (const role of ['actor', 'target', 'party'] as const) {
    const value = f[role];
    if (value !== undefined) terms.push(listKey(role, value, f.type));
  }
  if (f.source !== undefined) terms.push(listKey('source', f.source));
  if (f.topic !== undefined) terms.push(listKey('topic', f.topic));
  if (f.outlet !== undefined) terms.push(listKey('outlet', f.outlet));
  // A type with a party is settled by the party's term of that type.
  if (f.type !== undefined && f.actor === undefined && f.target === undefined && f.party === undefined) terms.push(listKey('type', f.type));
  if (f.polarity !== undefined) terms.push(listKey('polarity', f.polarity));
  return terms;
};

/** Rows sort by minus their time, so newest first is ascending and a time range is reversed. */
const sortRange = (f: ClaimFilter): { from?: number; to?: number } => ({
  ...(f.to === undefined ? {} : { from: -f.to }),
  ...(f.from === undefined ? {} : { to: -f.from }),
});

/** The total of a list whose count the read model keeps (one filter term or none, no time range); undefined for the others. */
const keptTotal = (reader: ReadModelReader, filter: ClaimFilter, terms: readonly string[]): number | undefined => {
  if (terms.length > 1 || filter.from !== undefined || filter.to !== undefined) return undefined;
  const term = terms[0] ?? ALL;
  if (term !== ALL && !isCounted(term)) return undefined;
  const counts = reader.get(CLAIM_COUNTS, term);
  return (filter.includeRetracted ? counts?.all : counts?.live) ?? 0;
};

const findClaims = (reader: ReadModelReader, filter: ClaimFilter, page: PageRequest): Page<ClaimDoc> => {
  const { offset, limit } = paginate([], page);
  const terms = claimFilterTerms(filter);
  const total = keptTotal(reader, filter, terms);
  // Retracted claims included: the filter's terms, or ALL (every claim carries it) when none.
  const all = filter.includeRetracted ? (terms.length ? terms : [ALL]) : [...terms, LIVE];
  const found = reader.find({ table: CLAIMS, all, ...sortRange(filter), offset, limit, count: total === undefined });
  return { items: found.rows.map((r) => r.doc), total: total ?? found.total, offset, limit };
};

/** GET /claims: newest first (listClaims' default order). */
export const listClaimsStored = (reader: ReadModelReader, filter: ClaimFilter = {}, page: PageRequest = {}): Page<ClaimResponse> => {
  const found = findClaims(reader, filter, page);
  return { ...found, items: found.items.map(responseOfDoc) };
};

/** listClaimsStored as the JSON text GET /claims sends. */
export const listClaimsStoredJson = (reader: ReadModelReader, filter: ClaimFilter = {}, page: PageRequest = {}): string => {
  const found = findClaims(reader, filter, page);
  return pageJson({ ...found, items: found.items.map((doc) => JSON.stringify(responseOfDoc(doc))) });
};
