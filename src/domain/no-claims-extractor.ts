import type { ClaimExtractor } from './claim-extractor.js';

/** Ingests articles without claims: for set-ups that record claims by hand only. */
export const noClaimsExtractor: ClaimExtractor = { name: 'none', version: '0', extract: () => [] };
