import { Logger } from '@nestjs/common';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import type { ArticleText } from '../domain/claim-extractor.js';
import type { ExtractionPort, KeptClaims } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';
import { ExtractionBusyError, ExtractionFailedError, ExtractionTimeoutError } from './extraction-errors.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { extractionWorkerFile } from './worker-file.js';
import type { ExtractionTask } from './worker.js';

/**
 * The rules extractor in a pool of worker threads (piscina), so a long article holds up no other
 * request. At most one article per worker is handed to piscina at a time and the others wait
 * here: the time limit then starts when a worker takes the article, not while it queues behind
 * others. An article over the limit has its worker terminated and replaced (piscina does both
 * when the task's signal aborts), so no worker stays stuck on it.
 */
export class ExtractionPool implements ExtractionPort {
  readonly runs = 'workers';
  readonly name: string;
  readonly version: string;
  private readonly pool: Piscina<ExtractionTask, KeptClaims>;
  private readonly slots: pLimit.Limit;
  private readonly logger = new Logger('extraction');
  private closed = false;

  constructor(private readonly limits: ExtractionLimits) {
    // Name and version only: the rules themselves run in the workers.
    ({ name: this.name, version: this.version } = defaultExtractor());
    this.pool = new Piscina({
      filename: extractionWorkerFile(),
      minThreads: limits.workers,
      maxThreads: limits.workers,
      idleTimeout: Infinity,
    });
    // A worker that fails between tasks (none is waiting on it to hear why) is logged and replaced.
    this.pool.on('error', (error: Error) => this.logger.error(`an extraction worker failed: ${error.message}`));
    this.slots = pLimit(limits.workers);
  }

  extract(article: ArticleText): Promise<KeptClaims> {
    if (this.slots.activeCount >= this.limits.workers && this.slots.pendingCount >= this.limits.queue) {
      return Promise.reject(new ExtractionBusyError(this.slots.pendingCount));
    }
    return this.slots(() => this.run(article));
  }

  private async run(article: ArticleText): Promise<KeptClaims> {
    if (this.closed) throw new ExtractionFailedError('the service is shutting down');
    const signal = AbortSignal.timeout(this.limits.timeoutMs);
    try {
      return await this.pool.run({ article, maxClaims: this.limits.maxClaims }, { signal });
    } catch (error) {
      if (signal.aborted) throw new ExtractionTimeoutError(this.limits.timeoutMs);
      this.logger.error(`extraction failed in a worker: ${(error as Error).stack ?? String(error)}`);
      throw new ExtractionFailedError((error as Error).message ?? String(error));
    }
  }

  /** Articles still extracting or waiting fail (nothing of theirs is written) and the workers stop. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }
}
