import type { SourceRef } from '../../domain/claim.js';
import type { ClaimRecord, ClaimsState } from './claims.projection.js';
import { independentSource } from '../claim-key.js';
import { reportingOutlet } from '../shared/reporting-outlet.js';
import { compareStrings } from '../shared/page.js';

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
