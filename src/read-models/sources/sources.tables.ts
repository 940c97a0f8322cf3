// The stored sources read model's tables: per source and outlet its claims in listing order, and
// the counts and carriers its pages show kept in rows that `apply` updates.
import type { ClaimType } from '../../domain/claim.js';
import { defineTable } from '../../read-model-store/read-model-store.js';
import { claimFactTables, type CountMode } from '../shared/stored-claim-facts.js';
import type { SourceEntry } from './sources.projection.js';
import type { Carrier, SourceSummaryItem } from './sources.queries.js';

/** A source or outlet known from any of its claims, retracted ones too. */
export interface SourceEntryDoc {
  key: string;
  kind: SourceEntry['kind'];
  party: string | null;
  label: string;
  /** Its claims: the entry goes with the last. */
  claims: number;
}

/** One claim resting on a source or outlet: key entryClaimKey, sort -time (ascending is newest first). */
export interface EntryClaimDoc {
  claimId: string;
  type: ClaimType;
  /** Where else it appears: for a source the outlet that carried it, for an outlet the source it cited. */
  carrier: Omit<Carrier, 'claims'>;
}

/** A carrier of an entry's claims, counted; its label is the newest claim's (as the reference groups newest first). */
export interface CarrierTallyDoc extends Carrier {
  /** The newest claim's entryClaimKey and sort: a claim newer than it takes over the label. */
  newest: { key: string; sort: number };
}

/** An outlet key's name as first seen, and how many articles have it (its name goes with the last one withdrawn). */
export interface OutletDoc {
  name: string | null;
  articles: number;
}

export const sourcesTables = {
  /** What it knows of each claim and article (stored-claim-facts.ts). */
  facts: claimFactTables('sources'),
  /** Key: outlet key. */
  outlets: defineTable<OutletDoc>('sources.outlets'),
  /** Key: source or outlet key; terms: trigrams of its key and label (GET /sources?q=). */
  entries: defineTable<SourceEntryDoc>('sources.entries'),
  /** Key: `mode|key`; sort: -claims; terms: the mode, and the mode with the kind. */
  list: defineTable<SourceSummaryItem>('sources.list', { sortMoves: true }),
  /** Key: entryClaimKey; terms: everyClaimTerm, entryTerm, carrierTerm, type, actor and target. */
  entryClaims: defineTable<EntryClaimDoc>('sources.entry-claims'),
  /** Key: carrierTerm; sort: -claims; terms: entryTerm. */
  carriers: defineTable<CarrierTallyDoc>('sources.carriers', { sortMoves: true }),
};

/** Every table of the sources read model. */
export const SOURCES_TABLES = [
  sourcesTables.facts.articles,
  sourcesTables.facts.claims,
  sourcesTables.outlets,
  sourcesTables.entries,
  sourcesTables.list,
  sourcesTables.entryClaims,
  sourcesTables.carriers,
];

/** Newest first, then article, place in the article and id (compareRecords' order) as sort and key. */
export const entryClaimKey = (entry: string, articleId: string, start: number, claimId: string): string =>
  `${entry}|${articleId}|${String(start).padStart(10, '0')}|${claimId}`;

/** Every claim of every entry (a publication-time range of the list is a sort range of it). */
export const everyClaimTerm = (mode: CountMode): string => mode;

export const entryTerm = (mode: CountMode, entry: string): string => `${mode}|${entry}`;

export const carrierTerm = (mode: CountMode, entry: string, carrier: string): string => `${mode}|${entry}|${carrier}`;

export const listTerm = (mode: CountMode, kind?: SourceEntry['kind']): string => (kind ? `${mode}|${kind}` : mode);
