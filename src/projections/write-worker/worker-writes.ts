// The runner's side of the write worker (write-worker.ts): each ReadModelWrites call is posted to
// the worker and answered in the order sent. The runner's own thread only reads the file.
import { Worker } from 'node:worker_threads';
import type { ReadModelCheckpoint, RebuildTarget } from '../../read-model-store/read-model-store.js';
import type { EventsPerWrite, ReadModelWrites } from '../read-model-writes.js';
import { STARTING_EVENTS, type LogEntry, type Reached } from '../stored-batches.js';
import type { WriteAnswer, WriteCall, WriteOp, WriteWorkerData } from './write-protocol.js';
import { writeWorkerFile } from './write-worker-file.js';

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WorkerWrites implements ReadModelWrites {
  readonly onEventLoop = false;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private closing = false;
  /** Sized by the worker to the time its applies take (write-worker.ts); until its first answer, the size an apply starts at. */
  private sizes: EventsPerWrite = { live: STARTING_EVENTS, rebuilding: STARTING_EVENTS };
  /** Set once the worker is gone: every call after fails with it. */
  private lost: Error | null = null;

  /**
   * `onLost`: told when the worker dies unasked, its uncommitted writes with it. The service exits
   * (see projections.module.ts): a restart resumes every read model from its committed checkpoint.
   */
  constructor(file: string, onLost: (error: Error) => void) {
    const data: WriteWorkerData = { file };
    this.worker = new Worker(writeWorkerFile(), { workerData: data });
    this.worker.on('message', (answer: WriteAnswer) => this.answer(answer));
    this.worker.on('error', (error) => this.lose(error, onLost));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.lose(new Error(`the read-model write worker exited (code ${code})`), onLost);
    });
  }

  eventsPerWrite(rebuilding: boolean): number {
    return rebuilding ? this.sizes.rebuilding : this.sizes.live;
  }

  bindTo(storeIdentity: string): Promise<boolean> {
    return this.call('bindTo', [storeIdentity]);
  }

  checkpoint(readModel: string): Promise<ReadModelCheckpoint | null> {
    return this.call('checkpoint', [readModel]);
  }

  abandonUnfinishedRebuilds(readModel: string): Promise<void> {
    return this.call('abandonUnfinishedRebuilds', [readModel]);
  }

  write(readModel: string, entries: readonly LogEntry[], from: Reached, target?: RebuildTarget): Promise<Reached> {
    return this.call('write', [readModel, entries, from, target]);
  }

  commit(): Promise<void> {
    return this.call('commit', []);
  }

  beginRebuild(readModel: string): Promise<RebuildTarget> {
    return this.call('beginRebuild', [readModel]);
  }

  finishRebuild(target: RebuildTarget): Promise<void> {
    return this.call('finishRebuild', [target]);
  }

  abandonRebuild(target: RebuildTarget): Promise<void> {
    return this.call('abandonRebuild', [target]);
  }

  collectGarbage(maxRows: number): Promise<boolean> {
    return this.call('collectGarbage', [maxRows]);
  }

  /** Commits and closes the worker's connection, then lets the thread end. */
  async close(): Promise<void> {
    if (this.lost) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.closing = true;
    await this.call('close', []);
    await exited;
  }

  private call<T>(op: WriteOp, args: WriteCall['args']): Promise<T> {
    if (this.lost) return Promise.reject(this.lost);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args } satisfies WriteCall);
    });
  }

  private answer(answer: WriteAnswer): void {
    this.sizes = answer.eventsPerWrite;
    const waiting = this.waiting.get(answer.id);
    this.waiting.delete(answer.id);
    if ('error' in answer) waiting?.reject(new Error(answer.error));
    else waiting?.resolve(answer.value);
  }

  private lose(error: Error, onLost: (error: Error) => void): void {
    if (this.lost) return;
    this.lost = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    onLost(error);
  }
}
