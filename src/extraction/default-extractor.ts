import type { ClaimExtractor } from '../domain/claim-extractor.js';
import { noClaimsExtractor } from '../domain/no-claims-extractor.js';

/** The one binding ingestion uses: swapping the extractor changes this line only. */
export const defaultExtractor = (): ClaimExtractor => noClaimsExtractor;
