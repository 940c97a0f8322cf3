import type { ClaimExtractor } from '../domain/claim-extractor.js';
import { extractClaims } from './extract.js';
import { DICTIONARY_VERSION } from './parties/actors.js';

/** Bump the minor version whenever rules change meaningfully; the party dictionary has its own. */
export const EXTRACTOR_VERSION = '2.1.0';

export const createExtractor = (): ClaimExtractor => ({
  name: 'claimtrail-rules',
  version: `${EXTRACTOR_VERSION}+dict.${DICTIONARY_VERSION}`,
  extract: (article) => extractClaims(article),
});
