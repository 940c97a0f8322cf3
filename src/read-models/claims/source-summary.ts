import type { ClaimRecord, ClaimsState } from './claims.projection.js';
import { claimSource } from './reports.js';
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

/** Groups claims by independent source; sorted by most claims, then key, so the order is stable. */
export const summariseSources = (claims: ClaimsState, records: readonly ClaimRecord[], sample = Infinity): SourceSummary[] => {
  const by = new Map<string, { party: string | null; mentions: Set<string>; outlets: Set<string>; claimIds: string[] }>();
  for (const r of records) {
    const outlet = claims.articles.get(r.claim.articleId)?.outlet ?? null;
    const key = claimSource(claims, r.claim);
    let s = by.get(key);
    if (!s) by.set(key, (s = { party: r.claim.source.party, mentions: new Set(), outlets: new Set(), claimIds: [] }));
    if (r.claim.source.mention) s.mentions.add(r.claim.source.mention);
    if (outlet) s.outlets.add(outlet);
    s.claimIds.push(r.claim.claimId);
  }
  return [...by]
    .map(([source, s]) => ({
      source, party: s.party, mentions: [...s.mentions].sort(compareStrings), outlets: [...s.outlets].sort(compareStrings),
      count: s.claimIds.length, claimIds: s.claimIds.sort(compareStrings).slice(0, sample),
    }))
    .sort((a, b) => b.count - a.count || compareStrings(a.source, b.source));
};
