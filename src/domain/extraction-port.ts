import type { ArticleText, ClaimExtractor, ExtractedClaim } from './claim-extractor.js';

/** MAX_CLAIMS_PER_ARTICLE's default: see README, Configuration. */
export const DEFAULT_MAX_CLAIMS = 500;

export interface KeptClaims {
  /** At most the limit: the first claims in text order, in the extractor's own order. */
  claims: ExtractedClaim[];
  /** How many the extractor found; more than `claims.length` when the limit cut the rest. */
  found: number;
}

/**
 * Extraction as ingestion runs it: a ClaimExtractor in this thread, or one in a pool of worker
 * threads (src/extraction-pool/) so a long article does not hold up every other request.
 */
export interface ExtractionPort {
  readonly name: string;
  readonly version: string;
  readonly runs: 'in-thread' | 'workers';
  extract(article: ArticleText): Promise<KeptClaims>;
  /** Stops its workers, if any; the app calls it when it closes. */
  close(): Promise<void>;
}

/**
 * An article's first `max` claims in text order (by evidence start; the extractor's order breaks
 * ties), listed in the extractor's order so claim ids and event order stay what they were.
 */
export const keepFirstClaims = (found: ExtractedClaim[], max: number): KeptClaims => {
  if (found.length <= max) return { claims: found, found: found.length };
  const kept = new Set(
    found
      .map((claim, index) => ({ start: claim.evidence.start, index }))
      .sort((a, b) => a.start - b.start || a.index - b.index)
      .slice(0, max)
      .map((c) => c.index),
  );
  return { claims: found.filter((_, index) => kept.has(index)), found: found.length };
};

/** An extractor run where it is called: for tests, small tools and EXTRACTION_WORKERS=0. */
export const inThread = (extractor: ClaimExtractor, maxClaims = DEFAULT_MAX_CLAIMS): ExtractionPort => ({
  name: extractor.name,
  version: extractor.version,
  runs: 'in-thread',
  extract: async (article) => keepFirstClaims(extractor.extract(article), maxClaims),
  close: async () => {},
});

/** What the app was given to extract with, as a port: a bare extractor runs in this thread. */
export const asExtractionPort = (given: ClaimExtractor | ExtractionPort, maxClaims = DEFAULT_MAX_CLAIMS): ExtractionPort =>
  'runs' in given ? given : inThread(given, maxClaims);
