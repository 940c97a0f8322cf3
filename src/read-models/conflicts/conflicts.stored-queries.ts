// Queries over the stored conflicts read model (conflicts.stored.ts): the same answers as
// conflicts.queries.ts over the reference, each an indexed find (filters are terms of the
// conflict rows, the publication-time range their sort).
import type { ReadModelReader } from '../../read-model-store/read-model-store.js';
import { compareStrings, paginate, type Page, type PageRequest } from '../shared/page.js';
import type { ConflictFilter } from './conflicts.queries.js';
import type { Conflict } from './conflicts.state.js';
import { CONFLICTS, term, type ConflictDoc } from './conflicts.tables.js';

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

/** One page of conflict rows, newest first, then id: rows sort by minus their time, so the range flips. */
export const findConflicts = (reader: ReadModelReader, filter: ConflictFilter = {}, page: PageRequest = {}): Page<ConflictDoc> => {
  const { offset, limit } = paginate([], page);
  const found = reader.find({
    table: CONFLICTS,
    all: conflictFilterTerms(filter),
    from: filter.to === undefined ? undefined : -filter.to,
    to: filter.from === undefined ? undefined : -filter.from,
    offset,
    limit,
  });
  return { items: found.rows.map((r) => r.doc), total: found.total, offset, limit };
};

/** The conflicts a claim is in, by id (for GET /claims/:id): a find on the claim's term, never a list kept per claim. */
export const conflictsOfClaimStored = (reader: ReadModelReader, claimId: string): Conflict[] =>
  reader
    .find({ table: CONFLICTS, all: [term.claim(claimId)] })
    .rows.map((r) => conflictOf(r.doc))
    .sort((a, b) => compareStrings(a.id, b.id));
