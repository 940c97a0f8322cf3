import { Logger } from '@nestjs/common';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ArticleText } from '../domain/claim-extractor.js';
import type { ExtractionPort, KeptClaims } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';
import { ExtractionBusyError, ExtractionFailedError, ExtractionTimeoutError } from './extraction-errors.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { extractionWorkerFile } from './worker-file.js';
import type { ExtractionTask } from './worker.js';

/**
 * Articles waiting when a worker frees up go to it together, up to this much text: their claims
 * come back in one turn of the event loop, so their appends share one commit (and one fsync), as
 * they did when extraction ran in the request's thread. One article per task made every append
 * its own commit: 4.6 times as many, and the pool slower than one thread.
 */
const BATCH_CHARS = 256 * 1024;
const BATCH_ARTICLES = 32;

interface Waiting {
  article: ArticleText;
  resolve: (kept: KeptClaims) => void;
  reject: (error: Error) => void;
}

/**
 * The rules extractor in a pool of worker threads (piscina), so a long article holds up no other
 * request. Articles wait here, first come first served (piscina's own queue moves a task it cannot
 * place yet behind later ones), and each worker gets one batch at a time. An article's time limit
 * runs from when its worker takes it up (the worker says so on a port of the task's own), not while
 * it waits. Past the limit the task is aborted, piscina terminates the worker and starts another,
 * so none stays stuck; the batch's other articles go back to the front of the line.
 */
export class ExtractionPool implements ExtractionPort {
  readonly runs = 'workers';
  readonly name: string;
  readonly version: string;
  private readonly pool: Piscina<ExtractionTask, KeptClaims[]>;
  private readonly logger = new Logger('extraction');
  private readonly waiting: Waiting[] = [];
  /** Articles extracting or waiting for a worker. */
  private admitted = 0;
  private busyWorkers = 0;

  constructor(private readonly limits: ExtractionLimits) {
    // Name and version only: the rules themselves run in the workers.
    ({ name: this.name, version: this.version } = defaultExtractor());
    this.pool = new Piscina({ filename: extractionWorkerFile(), minThreads: limits.workers, maxThreads: limits.workers, idleTimeout: Infinity });
    // A worker that fails between tasks (no request waits to hear why) is logged; piscina replaces it.
    this.pool.on('error', (error: Error) => this.logger.error(`an extraction worker failed: ${error.message}`));
  }

  extract(article: ArticleText): Promise<KeptClaims> {
    if (this.admitted >= this.limits.workers + this.limits.queue) {
      return Promise.reject(new ExtractionBusyError(this.admitted - this.limits.workers));
    }
    this.admitted++;
    const kept = new Promise<KeptClaims>((resolve, reject) => this.waiting.push({ article, resolve, reject }));
    this.dispatch();
    return kept.finally(() => this.admitted--);
  }

  private dispatch(): void {
    while (this.busyWorkers < this.limits.workers && this.waiting.length) {
      this.busyWorkers++;
      void this.run(this.nextBatch()).finally(() => {
        this.busyWorkers--;
        this.dispatch();
      });
    }
  }

  /** The first waiting article, and those after it while the batch stays under its size. */
  private nextBatch(): Waiting[] {
    let chars = this.waiting[0].article.body.length;
    let size = 1;
    while (size < Math.min(this.waiting.length, BATCH_ARTICLES) && chars + this.waiting[size].article.body.length <= BATCH_CHARS) {
      chars += this.waiting[size++].article.body.length;
    }
    return this.waiting.splice(0, size);
  }

  private async run(batch: Waiting[]): Promise<void> {
    const abort = new AbortController();
    const { port1: progress, port2 } = new MessageChannel();
    const clock = new ArticleClock(progress, this.limits.timeoutMs, () => abort.abort());
    try {
      const task = { articles: batch.map((w) => w.article), maxClaims: this.limits.maxClaims, progress: port2 };
      const kept = await this.pool.run(task, { signal: abort.signal, transferList: [port2] });
      batch.forEach((w, i) => w.resolve(kept[i]));
    } catch (error) {
      if (abort.signal.aborted) {
        batch[clock.current].reject(new ExtractionTimeoutError(this.limits.timeoutMs));
        this.waiting.unshift(...batch.filter((_, i) => i !== clock.current));
        return;
      }
      this.logger.error(`extraction failed in a worker: ${(error as Error).stack ?? String(error)}`);
      for (const w of batch) w.reject(new ExtractionFailedError((error as Error).message ?? String(error)));
    } finally {
      clock.stop();
      progress.close();
    }
  }

  /** Articles still extracting or waiting fail (nothing of theirs is written) and the workers stop. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Times the article a worker is on, from its `{ started: i }` messages; calls `expired` past the limit. */
class ArticleClock {
  current = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly progress: MessagePort, private readonly limitMs: number, private readonly expired: () => void) {
    progress.on('message', (message: { started: number }) => this.restart(message.started));
  }

  private restart(article: number): void {
    this.current = article;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.limitMs);
  }

  /** A busy event loop may not have read yet that the worker moved on: read that first. */
  private check(): void {
    const before = this.current;
    for (let m = receiveMessageOnPort(this.progress); m; m = receiveMessageOnPort(this.progress)) this.current = (m.message as { started: number }).started;
    if (this.current !== before) this.restart(this.current);
    else this.expired();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
