import { Logger } from '@nestjs/common';
import { MessageChannel } from 'node:worker_threads';
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
 * request. An article's time limit runs from when a worker takes it up (the worker says so on a
 * port of the task's own), not while it waits behind others or for a replaced worker to start.
 * Past the limit the task is aborted, and piscina terminates its worker and starts another: no
 * worker stays stuck on an article.
 */
export class ExtractionPool implements ExtractionPort {
  readonly runs = 'workers';
  readonly name: string;
  readonly version: string;
  private readonly pool: Piscina<ExtractionTask, KeptClaims>;
  private readonly logger = new Logger('extraction');
  /** Articles extracting or waiting for a worker. */
  private admitted = 0;
  /**
   * Articles wait here, first come first served, and piscina gets one per worker at a time: its own
   * queue moves a task it cannot place yet behind later ones (with one worker, the CLI's log would
   * then not follow the order of the files; with more, articles finish in the order they finish).
   */
  private readonly turns: pLimit.Limit;

  constructor(private readonly limits: ExtractionLimits) {
    // Name and version only: the rules themselves run in the workers.
    ({ name: this.name, version: this.version } = defaultExtractor());
    this.pool = new Piscina({
      filename: extractionWorkerFile(),
      minThreads: limits.workers,
      maxThreads: limits.workers,
      idleTimeout: Infinity,
    });
    this.turns = pLimit(limits.workers);
    // A worker that fails between tasks (no request waits to hear why) is logged; piscina replaces it.
    this.pool.on('error', (error: Error) => this.logger.error(`an extraction worker failed: ${error.message}`));
  }

  extract(article: ArticleText): Promise<KeptClaims> {
    if (this.admitted >= this.limits.workers + this.limits.queue) {
      return Promise.reject(new ExtractionBusyError(this.admitted - this.limits.workers));
    }
    this.admitted++;
    return this.turns(() => this.run(article)).finally(() => this.admitted--);
  }

  private async run(article: ArticleText): Promise<KeptClaims> {
    const abort = new AbortController();
    const { port1: started, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    started.once('message', () => (timer = setTimeout(() => abort.abort(), this.limits.timeoutMs)));
    try {
      const task = { article, maxClaims: this.limits.maxClaims, started: port2 };
      return await this.pool.run(task, { signal: abort.signal, transferList: [port2] });
    } catch (error) {
      if (abort.signal.aborted) throw new ExtractionTimeoutError(this.limits.timeoutMs);
      this.logger.error(`extraction failed in a worker: ${(error as Error).stack ?? String(error)}`);
      throw new ExtractionFailedError((error as Error).message ?? String(error));
    } finally {
      clearTimeout(timer);
      started.close();
    }
  }

  /** Articles still extracting or waiting fail (nothing of theirs is written) and the workers stop. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
