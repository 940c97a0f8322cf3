/** Where extraction runs and what one article may take of it (EXTRACTION_* and MAX_CLAIMS_PER_ARTICLE). */
export interface ExtractionLimits {
  /** Worker threads extracting claims; 0: in the caller's own thread (every other request waits meanwhile). */
  workers: number;
  /** One article's extraction is stopped (and its worker replaced) after this, ms. */
  timeoutMs: number;
  /** Articles waiting for a free worker at most; more are refused with 503 until one is free. */
  queue: number;
  /** Claims kept of one article: the first in text order (the ingest answer says when more were found). */
  maxClaims: number;
}
