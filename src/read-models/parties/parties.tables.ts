// The stored parties read model's tables. Each count a page shows is kept in a row that `apply`
// updates, so GET /parties and a party's page are a handful of indexed reads whatever the log's size.
import type { ClaimType, SourceRef } from '../../domain/claim.js';
import { defineTable } from '../../read-model-store/read-model-store.js';
import { claimFactTables, type CountMode } from '../shared/stored-claim-facts.js';
import type { PartyRole, PartySummary } from './parties.queries.js';

/** A party known from any of its claims, retracted ones too (a party page exists while it has one). */
export interface PartyEntryDoc {
  key: string;
  party: string | null;
  label: string;
  /** Its claims, any role: the entry goes with the last. */
  claims: number;
  /** Of them, those not retracted: the total of its page's claims, kept so a page need not count them. */
  live: number;
}

/** One claim of a party: key partyClaimKey, sort -time so ascending is newest first. */
export interface PartyClaimDoc {
  claimId: string;
  roles: PartyRole[];
  type: ClaimType;
  source: Pick<SourceRef, 'party' | 'mention'>;
  outlet: string | null;
  /** What its source is told apart by: a syndicated copy's original's outlet. */
  reportingOutlet: string | null;
}

/** One independent source of a party's claims in one role and type (a source summary, kept). */
export interface SourceTallyDoc {
  party: string | null;
  mentions: Record<string, number>;
  outlets: Record<string, number>;
  count: number;
  /** The lowest claim ids, at most CLAIM_ID_SAMPLE. */
  sample: string[];
}

export interface TallyGroup {
  role: PartyRole;
  type: ClaimType;
}

export const partiesTables = {
  /** What it knows of each claim and article (stored-claim-facts.ts). */
  facts: claimFactTables('parties'),
  /** Key: party key; terms: trigrams of its key and label (GET /parties?q=). */
  entries: defineTable<PartyEntryDoc>('parties.entries'),
  /** Key: `mode|party`; sort: -total; terms: the roles and types it has claims in (listTerm). */
  list: defineTable<PartySummary>('parties.list', { sortMoves: true }),
  /** Key: partyClaimKey; terms: everyClaimTerm, claimTerm, tallyTerm, type, topic and source. */
  partyClaims: defineTable<PartyClaimDoc>('parties.party-claims'),
  /** Key: tallyTerm; terms: `mode|party`. */
  tallies: defineTable<SourceTallyDoc>('parties.tallies'),
};

/** Newest first, then article, place in the article and id (compareRecords' order) as sort and key. */
export const partyClaimKey = (party: string, articleId: string, start: number, claimId: string): string =>
  `${party}|${articleId}|${String(start).padStart(10, '0')}|${claimId}`;

export const listKey = (mode: CountMode, party: string): string => `${mode}|${party}`;

/** A party's claims in a role (`*`: any); `type:`, `topic:` and `source:` terms narrow them. */
export const claimTerm = (mode: CountMode, party: string, role: PartyRole | '*'): string => `${mode}|${party}|${role}`;

/** Every claim of every party (a publication-time range of the list is a sort range of it). */
export const everyClaimTerm = (mode: CountMode): string => mode;

export const tallyTerm = (mode: CountMode, party: string, group: TallyGroup, source: string): string =>
  `${mode}|${party}|${group.role}|${group.type}|${source}`;

export const partyTerm = (mode: CountMode, party: string): string => `${mode}|${party}`;

/** Parties with claims in a role (`*`: actor or target), of a type when given; `mode` alone: any. */
export const listTerm = (mode: CountMode, role?: PartyRole | '*', type?: ClaimType): string =>
  [mode, ...(role ? [role] : []), ...(type ? [type] : [])].join('|');

/** Every table of the parties read model. */
export const PARTIES_TABLES = [
  partiesTables.facts.articles,
  partiesTables.facts.claims,
  partiesTables.entries,
  partiesTables.list,
  partiesTables.partyClaims,
  partiesTables.tallies,
];
