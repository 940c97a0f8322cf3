import { Logger } from '@nestjs/common';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { articleFromInput, type ArticleInput } from '../articles/ingesting-article/ingest-article.js';
import type { ArticleReading } from '../articles/ingesting-article/article-reading.js';
import type { ArticleText } from '../domain/claim-extractor.js';
import { DomainError } from '../domain/errors.js';
import type { ArticleIngestedData } from '../domain/events/index.js';
import type { ExtractionPort, KeptClaims } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';
import { ExtractionBusyError, ExtractionFailedError, ExtractionTimeoutError, type WorkerJobKind } from './extraction-errors.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { extractionWorkerFile } from './worker-file.js';
import type { ExtractionTask, Job, JobResult } from './worker.js';

/**
 * Articles waiting when a worker frees up go to it together, up to this much text: their claims
 * come back in one turn of the event loop, so their appends share one commit (and one fsync), as
 * they did when extraction ran in the request's thread. One article per task made every append
 * its own commit: 4.6 times as many, and the pool slower than one thread.
 */
const BATCH_CHARS = 256 * 1024;
const BATCH_ARTICLES = 32;

/**
 * An input shorter than this is read in the request's thread: wire copy that size is parsed and
 * hashed in well under a millisecond, and a page in a few (Readability: ~0.4 s per MB), less than
 * a task's round trip to a worker costs the event loop (~1.5 ms on the bench machine).
 */
export const READ_IN_THREAD_CHARS = 16 * 1024;

const inputChars = (input: ArticleInput): number => (input.html ?? input.text ?? '').length;

interface Waiting {
  job: Job;
  chars: number;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

const kindOf = (job: Job): WorkerJobKind => ('read' in job ? 'read' : 'extract');

/** The job's answer, or the error the request gets: the refusal the request's own thread would give, or a failure. */
const unwrap = <T>(result: JobResult, value: (r: JobResult) => T | undefined, doing: WorkerJobKind): T => {
  if ('refused' in result) throw new DomainError(result.refused.kind, result.refused.message, result.refused.details);
  if ('failed' in result) throw new ExtractionFailedError(result.failed, doing);
  return value(result)!;
};

/**
 * The rules extractor in a pool of worker threads (piscina), so a long article holds up no other
 * request; the same workers read long inputs (web pages, wire copy) into articles. Articles wait
 * here, first come first served (piscina's own queue moves a task it cannot place yet behind
 * later ones), and each worker gets one batch at a time. An article's time limit
 * runs from when its worker takes it up (the worker says so on a port of the task's own), not while
 * it waits. Past the limit the task is aborted, piscina terminates the worker and starts another,
 * so none stays stuck; the batch's other articles go back to the front of the line.
 */
export class ExtractionPool implements ExtractionPort, ArticleReading {
  readonly runs = 'workers';
  readonly name: string;
  readonly version: string;
  private readonly pool: Piscina<ExtractionTask, JobResult[]>;
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

  async extract(article: ArticleText): Promise<KeptClaims> {
    const result = await this.admit({ extract: article }, article.body.length);
    return unwrap(result, (r) => ('kept' in r ? r.kept : undefined), 'extract');
  }

  /** A short input is read here at once (see READ_IN_THREAD_CHARS); a long one waits for a worker like an extraction. */
  async read(input: ArticleInput): Promise<ArticleIngestedData> {
    const chars = inputChars(input);
    if (chars < READ_IN_THREAD_CHARS) return articleFromInput(input);
    const result = await this.admit({ read: input }, chars);
    return unwrap(result, (r) => ('article' in r ? r.article : undefined), 'read');
  }

  private admit(job: Job, chars: number): Promise<JobResult> {
    if (this.admitted >= this.limits.workers + this.limits.queue) {
      return Promise.reject(new ExtractionBusyError(this.admitted - this.limits.workers));
    }
    this.admitted++;
    const done = new Promise<JobResult>((resolve, reject) => this.waiting.push({ job, chars, resolve, reject }));
    this.dispatch();
    return done.finally(() => this.admitted--);
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

  /** The first waiting job, and those after it while the batch stays under its size. */
  private nextBatch(): Waiting[] {
    let chars = this.waiting[0].chars;
    let size = 1;
    while (size < Math.min(this.waiting.length, BATCH_ARTICLES) && chars + this.waiting[size].chars <= BATCH_CHARS) {
      chars += this.waiting[size++].chars;
    }
    return this.waiting.splice(0, size);
  }

  private async run(batch: Waiting[]): Promise<void> {
    const abort = new AbortController();
    const { port1: progress, port2 } = new MessageChannel();
    const clock = new ArticleClock(progress, this.limits.timeoutMs, () => abort.abort());
    try {
      const task = { jobs: batch.map((w) => w.job), maxClaims: this.limits.maxClaims, progress: port2 };
      const results = await this.pool.run(task, { signal: abort.signal, transferList: [port2] });
      batch.forEach((w, i) => {
        const result = results[i];
        if ('failed' in result) this.logger.error(`${kindOf(w.job)} failed in a worker: ${result.failed}`);
        w.resolve(result);
      });
    } catch (error) {
      if (abort.signal.aborted) {
        const late = batch[clock.current];
        late.reject(new ExtractionTimeoutError(this.limits.timeoutMs, kindOf(late.job)));
        this.waiting.unshift(...batch.filter((_, i) => i !== clock.current));
        return;
      }
      this.logger.error(`extraction failed in a worker: ${(error as Error).stack ?? String(error)}`);
      for (const w of batch) w.reject(new ExtractionFailedError((error as Error).message ?? String(error), kindOf(w.job)));
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
