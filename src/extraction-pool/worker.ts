// The pool's worker thread: the rules extractor, loaded once per thread, over a batch of jobs per
// task — claims to extract from an article's text, or an input (a web page, wire copy) to read into
// the article. Plain domain code only (no Nest): a worker loads what it imports, and this keeps it small.
import type { MessagePort } from 'node:worker_threads';
import { articleFromInput, type ArticleInput } from '../articles/ingesting-article/ingest-article.js';
import type { ArticleText } from '../domain/claim-extractor.js';
import { DomainError, type DomainErrorKind } from '../domain/errors.js';
import type { ArticleIngestedData } from '../domain/events/index.js';
import { keepFirstClaims, type KeptClaims } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';

/** One article's work: its claims (`extract`), or the article an input holds (`read`). */
export type Job = { extract: ArticleText } | { read: ArticleInput };

/**
 * What became of one job. A refusal (a page too deeply nested, no article text) is the 4xx the
 * request's thread would have given; anything else a job throws fails that job alone, not its batch.
 */
export type JobResult =
  | { kept: KeptClaims }
  | { article: ArticleIngestedData }
  | { refused: { kind: DomainErrorKind; message: string; details: Record<string, unknown> } }
  | { failed: string };

export interface ExtractionTask {
  jobs: Job[];
  maxClaims: number;
  /** Told `{ started: i }` as this worker takes up job i: its time limit starts then. */
  progress: MessagePort;
}

const extractor = defaultExtractor();
// The model and the rules warm up while the thread starts (piscina hands it no task before), not
// during its first article's time limit.
extractor.extract({ body: 'Ruritania pledged to reopen the border, its foreign minister said.' });

/** The claims limit is applied here, so only the claims kept are copied back to the main thread's event loop. */
const run = (job: Job, maxClaims: number): JobResult => {
  try {
    if ('read' in job) return { article: articleFromInput(job.read) };
    return { kept: keepFirstClaims(extractor.extract(job.extract), maxClaims) };
  } catch (error) {
    if (error instanceof DomainError) return { refused: { kind: error.kind, message: error.message, details: error.details } };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
};

export default ({ jobs, maxClaims, progress }: ExtractionTask): JobResult[] => {
  const results = jobs.map((job, started) => {
    progress.postMessage({ started });
    return run(job, maxClaims);
  });
  progress.close();
  return results;
};
