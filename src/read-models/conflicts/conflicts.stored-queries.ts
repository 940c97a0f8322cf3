// Queries over the stored conflicts read model (conflicts.stored.ts): the same answers as
// conflicts.queries.ts over the reference, each an indexed find (filters are terms of the
// conflict rows, the publication-time range their sort).
import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import { keySourcesStored } from '../attributions/attributions.stored-queries.js';
import { corroborationStatus } from '../attributions/corroboration.js';
import { claimResponsesOf } from '../claims/claims.stored-queries.js';
import { compareStrings, pageJson, paginate, type Page, type PageRequest } from '../shared/page.js';
import type { ConflictClaim, ConflictFilter, ConflictResponse } from './conflicts.queries.js';
import type { Conflict } from './conflicts.state.js';
import { CONFLICT_COUNTS, CONFLICTS, COUNT_ALL, term, type ConflictDoc } from './conflicts.tables.js';

/** The conflict of a row, as the reference read model has it. */
const conflictOf = ({ id, kind, basis, a, b, why }: ConflictDoc): Conflict => ({ id, kind, basis, a, b, why });

/** The filter as terms, the rarest first (it drives the find): a claim, an article, a party or source, then the rest. */
export const conflictFilterTerms = (f: ConflictFilter): string[] => {
  const terms: string[] = [];
  if (f.claim !== undefined) terms.push(term.claim(f.claim));
  if (f.article !== undefined) terms.push(term.article(f.article));
  if (f.party !== undefined) terms.push(term.party(f.party));
  if (f.source !== undefined) terms.push(term.source(f.source));
  if (f.topic !== undefined) terms.push(term.topic(f.topic));
  if (f.type !== undefined) terms.push(term.type(f.type));
  if (f.kind !== undefined) terms.push(term.kind(f.kind));
  return terms;
};

/** The total kept in rows when the filter is at most a kind (counting every conflict per request would read them all). */
const keptTotal = (reader: ReadModelReader, filter: ConflictFilter): number | null => {
  const { kind, ...rest } = filter;
  if (Object.values(rest).some((v) => v !== undefined)) return null;
  return reader.get(CONFLICT_COUNTS, kind === undefined ? COUNT_ALL : term.kind(kind))?.conflicts ?? 0;
};

/** One page of conflict rows, newest first, then id: rows sort by minus their time, so the range flips. */
export const findConflicts = (reader: ReadModelReader, filter: ConflictFilter = {}, page: PageRequest = {}): Page<ConflictDoc> => {
  const { offset, limit } = paginate([], page);
  const total = keptTotal(reader, filter);
  const found = reader.find({
    table: CONFLICTS,
    all: conflictFilterTerms(filter),
    from: filter.to === undefined ? undefined : -filter.to,
    to: filter.from === undefined ? undefined : -filter.from,
    offset,
    limit,
    count: total === null,
  });
  return { items: found.rows.map((r) => r.doc), total: total ?? found.total, offset, limit };
};

/** The conflicts a claim is in, by id (for GET /claims/:id): a find on the claim's term, never a list kept per claim. */
export const conflictsOfClaimStored = (reader: ReadModelReader, claimId: string): Conflict[] =>
  reader
    .find({ table: CONFLICTS, all: [term.claim(claimId)], count: false })
    .rows.map((r) => conflictOf(r.doc))
    .sort((a, b) => compareStrings(a.id, b.id));

/**
 * Conflict rows with both sides' claims (from the claims read model), each flagged with its key's
 * corroboration (from the attributions read model): the reference's ConflictResponse.
 */
const responsesOf = (reader: ReadModelReader, docs: readonly ConflictDoc[]): ConflictResponse[] => {
  const claims = claimResponsesOf(reader, docs.flatMap((d) => [...d.a, ...d.b]));
  // Per request, bounded by the page: claims of one key share its sources.
  const corroboration = new Map<string, ConflictClaim['corroboration']>();
  const side = (ids: readonly string[]): ConflictClaim[] =>
    ids.flatMap((id) => {
      const response = claims.get(id);
      if (!response) return [];
      let flag = corroboration.get(response.key);
      if (!flag) {
        const sources = keySourcesStored(reader, response.key);
        corroboration.set(response.key, (flag = { status: corroborationStatus(sources.length), sources }));
      }
      return [{ ...response, corroboration: flag }];
    });
  return docs.map((d) => ({ id: d.id, kind: d.kind, basis: d.basis, why: d.why, a: side(d.a), b: side(d.b), at: new Date(d.at).toISOString() }));
};

/** GET /conflicts — newest first, then id; every claim flagged with its key's corroboration. */
export const listConflictsStored = (reader: ReadModelReader, filter: ConflictFilter = {}, page: PageRequest = {}): Page<ConflictResponse> => {
  const found = findConflicts(reader, filter, page);
  return { ...found, items: responsesOf(reader, found.items) };
};

/** listConflictsStored as the JSON text of its page (GET /conflicts sends it as is). */
export const listConflictsStoredJson = (reader: ReadModelReader, filter: ConflictFilter = {}, page: PageRequest = {}): string => {
  const found = listConflictsStored(reader, filter, page);
  return pageJson({ ...found, items: found.items.map((c) => JSON.stringify(c)) });
};

/** GET /conflicts/:id */
export const getConflictStored = (reader: ReadModelReader, id: string): ConflictResponse | null => {
  const doc = reader.get(CONFLICTS, id);
  return doc ? responsesOf(reader, [doc])[0] : null;
};
