import type { ClaimsState } from '../claims/claims.projection.js';
import { selectClaims } from '../claims/claims.queries.js';
import { summariseSources, type SourceSummary } from '../claims/source-summary.js';
import type { AttributionsState } from './attributions.projection.js';

export type CorroborationStatus = 'none' | 'single-source' | 'corroborated';

export interface Corroboration {
  key: string;
  /**
   * `corroborated` when two or more independent sources assert it (see independentSource), `none` when no live claim asserts it (denials only).
   * A syndicated copy's claims count as its original's (claims/reports.ts): five outlets running one wire story are one report.
   */
  status: CorroborationStatus;
  /** Every independent source asserting it; denials are not corroboration and are left out. */
  sources: SourceSummary[];
}

export const corroborationStatus = (sources: number): CorroborationStatus => (sources === 0 ? 'none' : sources === 1 ? 'single-source' : 'corroborated');

/** Single-source or corroborated, with every independent source, over live asserted claims of one key. */
export const corroboration = (attributions: AttributionsState, claims: ClaimsState, key: string): Corroboration => {
  const records = selectClaims(claims, attributions.keys.get(key) ?? [], { polarity: 'asserted' }, 'oldest');
  const sources = summariseSources(claims, records);
  return { key, status: corroborationStatus(sources.length), sources };
};
