import { inThread, type ExtractionPort } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';
import { ExtractionPool } from './extraction-pool.js';
import type { ExtractionLimits } from './extraction-limits.js';

/**
 * The extraction the service, the CLI's write commands and the benchmarks run: the pool, or with
 * EXTRACTION_WORKERS=0 the extractor in the caller's thread (a one-core machine, where a worker
 * would only add copying, and today's single-threaded path the benchmark compares against).
 */
export const extractionFor = (limits: ExtractionLimits): ExtractionPort =>
  limits.workers === 0 ? inThread(defaultExtractor(), limits.maxClaims) : new ExtractionPool(limits);
