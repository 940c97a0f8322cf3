import type { SourceRef } from '../../domain/claim.js';
import type { ClaimRecord, ClaimsState } from './claims.projection.js';
import { independentSource } from '../claim-key.js';
import { reportingOutlet } from '../shared/reporting-outlet.js';
import { compareStrings } from '../shared/page.js';

/**
 * Claim ids shown per source on a party's page and an attribution's (the first in id order);
 * `count` has them all and GET /claims?actor=&source= lists them. Was 100: on a busy party those
 * samples were 60% of the page (130 KB of 210 KB), sent with every request for a page most
 * readers only skim; an attribution's were uncapped, up to 4 000 ids a source (480 KB a page) at
 * a million events.
 */
export const CLAIM_ID_SAMPLE = 10;

/** One independent source behind a set of claims: who, as the articles named them, and where. */
export interface SourceSummary {
  /** See independentSource in claim-key.ts. */
  source: string;
  party: string | null;
  mentions: string[];
  outlets: string[];
  /** How many claims rest on it. */
  count: number;
  /** Its claim ids, sorted; at most `sample` of them where the caller caps them (a busy party's page). */
  claimIds: string[];
}

/** What grouping needs of one claim: its source as the article named it, its outlet, its id. */
export interface SourcedClaim {
  claimId: string;
  source: Pick<SourceRef, 'party' | 'mention'>;
  outlet: string | null;
  /** The outlet its reporting counts as (a syndicated copy's original's, reports.ts); `outlet` when absent. */
  reportingOutlet?: string | null;
}

/** Groups claims (in listing order) by independent source; most claims first, then key, so the order is stable. */
export const summariseSourcedClaims = (claims: Iterable<SourcedClaim>, sample = Infinity): SourceSummary[] => {
  const by = new Map<string, { party: string | null; mentions: Set<string>; outlets: Set<string>; claimIds: string[] }>();
  for (const { claimId, source, outlet, reportingOutlet } of claims) {
    const key = independentSource(source, reportingOutlet === undefined ? outlet : reportingOutlet);
    let s = by.get(key);
    if (!s) by.set(key, (s = { party: source.party, mentions: new Set(), outlets: new Set(), claimIds: [] }));
    if (source.mention) s.mentions.add(source.mention);
    if (outlet) s.outlets.add(outlet);
    s.claimIds.push(claimId);
  }
  return [...by]
    .map(([source, s]) => ({
      source,
      party: s.party,
      mentions: [...s.mentions].sort(compareStrings),
      outlets: [...s.outlets].sort(compareStrings),
      count: s.claimIds.length,
      claimIds: s.claimIds.sort(compareStrings).slice(0, sample),
    }))
    .sort((a, b) => b.count - a.count || compareStrings(a.source, b.source));
};

/** summariseSourcedClaims over records of the claims read model. */
export const summariseSources = (claims: ClaimsState, records: readonly ClaimRecord[], sample = Infinity): SourceSummary[] =>
  summariseSourcedClaims(
    records.map((r) => {
      const meta = claims.articles.get(r.claim.articleId);
      return { claimId: r.claim.claimId, source: r.claim.source, outlet: meta?.outlet ?? null, reportingOutlet: reportingOutlet(meta) };
    }),
    sample,
  );
