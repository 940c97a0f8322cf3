import type { ClaimExtractor } from '../domain/claim-extractor.js';
import { createExtractor } from './index.js';

/** The one binding ingestion uses: swapping the extractor changes this line only. */
export const defaultExtractor = (): ClaimExtractor => createExtractor();
