// What the stored projection runner asks of the read models' writing side: every write to the
// read-model store goes through this port, in the event loop's thread (InThreadWrites) or in a
// worker thread with its own connection (write-worker/), so the runner is the same for both.
import type { ReadModelCheckpoint, ReadModelStore, RebuildTarget } from '../read-model-store/read-model-store.js';
import type { StoredReadModel } from '../read-models/stored-read-model.js';
import { TransactionSize, writeEntries, type LogEntry, type Reached } from './stored-batches.js';

/** The events the next write to a read model should take, live and into a rebuild. */
export interface EventsPerWrite {
  live: number;
  rebuilding: number;
}

export interface ReadModelWrites {
  /** True when writes hold the event loop: the runner then gives it a turn between them. */
  readonly onEventLoop: boolean;
  /** Events the next write to a read model should take, live or into a rebuild. */
  eventsPerWrite(rebuilding: boolean): number;
  bindTo(storeIdentity: string): Promise<boolean>;
  checkpoint(readModel: string): Promise<ReadModelCheckpoint | null>;
  abandonUnfinishedRebuilds(readModel: string): Promise<void>;
  /** `entries` (all after `from`) into one read model with its checkpoint, into `target` when rebuilding; where it then stands. */
  write(readModel: string, entries: readonly LogEntry[], from: Reached, target?: RebuildTarget): Promise<Reached>;
  commit(): Promise<void>;
  beginRebuild(readModel: string): Promise<RebuildTarget>;
  finishRebuild(target: RebuildTarget): Promise<void>;
  abandonRebuild(target: RebuildTarget): Promise<void>;
  /** One delete of at most `maxRows` of an old generation; false when there was none. */
  collectGarbage(maxRows: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Writes through a store in this thread, each write sized to hold the event loop a few ms (stored-batches.ts). */
export class InThreadWrites implements ReadModelWrites {
  readonly onEventLoop = true;
  private readonly readModels: Map<string, StoredReadModel>;
  private readonly live: TransactionSize;
  private readonly rebuilding: TransactionSize;

  /** `applyMs`: what one apply should take; the event loop's few ms unless told (the write worker). */
  constructor(
    private readonly store: ReadModelStore,
    readModels: readonly StoredReadModel[],
    applyMs?: number,
  ) {
    this.live = new TransactionSize(applyMs);
    this.rebuilding = new TransactionSize(applyMs);
    this.readModels = new Map(readModels.map((readModel) => [readModel.name, readModel]));
  }

  eventsPerWrite(rebuilding: boolean): number {
    return (rebuilding ? this.rebuilding : this.live).events;
  }

  /** Both sizes at once, for the write worker's answers. */
  sizes(): EventsPerWrite {
    return { live: this.live.events, rebuilding: this.rebuilding.events };
  }

  async bindTo(storeIdentity: string): Promise<boolean> {
    return this.store.bindTo(storeIdentity);
  }

  async checkpoint(readModel: string): Promise<ReadModelCheckpoint | null> {
    return this.store.checkpoint(readModel);
  }

  async abandonUnfinishedRebuilds(readModel: string): Promise<void> {
    this.store.abandonUnfinishedRebuilds(readModel);
  }

  async write(readModel: string, entries: readonly LogEntry[], from: Reached, target?: RebuildTarget): Promise<Reached> {
    const found = this.readModels.get(readModel);
    if (!found) throw new Error(`no read model named ${readModel}`);
    return writeEntries(this.store, found, entries, from, target ? this.rebuilding : this.live, target);
  }

  async commit(): Promise<void> {
    this.store.commit();
  }

  async beginRebuild(readModel: string): Promise<RebuildTarget> {
    return this.store.beginRebuild(readModel);
  }

  async finishRebuild(target: RebuildTarget): Promise<void> {
    this.store.finishRebuild(target);
  }

  async abandonRebuild(target: RebuildTarget): Promise<void> {
    this.store.abandonRebuild(target);
  }

  async collectGarbage(maxRows: number): Promise<boolean> {
    return this.store.collectGarbage(maxRows);
  }

  /** The store is closed by its owner (the module or the test), which also reads from it. */
  async close(): Promise<void> {
    this.store.commit();
  }
}
