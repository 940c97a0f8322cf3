// A rebuild of stored read models from the log into fresh generations (read-model-store.ts:
// beginRebuild), page by page, beside the active rows, which keep serving until the swap.
import { CorruptEventError, type EventStore } from '../event-store/event-store.js';
import type { RebuildTarget } from '../read-model-store/read-model-store.js';
import type { StoredReadModel } from '../read-models/stored-read-model.js';
import { readArticlePage } from './read-article-page.js';
import type { ReadModelWrites } from './read-model-writes.js';
import { Slices, type LogEntry, type Reached } from './stored-batches.js';
import { toStoredEvent } from './stored-event.js';

const PAGE_SIZE = 500;

export interface RebuildPass {
  events: EventStore;
  writes: ReadModelWrites;
  readModels: readonly StoredReadModel[];
  targets: readonly RebuildTarget[];
  onProgress(processed: number): void;
  onInvalid(error: Error): void;
  /** Lets the runner commit what the pass (and the live writes beside it) wrote, when one is due. */
  commitIfDue(): Promise<void>;
  /** True once the runner stops: the pass ends where it is. */
  stopped(): boolean;
}

const entriesOf = async (pass: RebuildPass, after: bigint): Promise<{ entries: LogEntry[]; last: boolean }> => {
  const page = await readArticlePage(pass.events, after, PAGE_SIZE);
  const entries = page.map((recorded): LogEntry => {
    if (recorded instanceof CorruptEventError) {
      pass.onInvalid(recorded);
      return { position: recorded.position, event: null };
    }
    try {
      return { position: recorded.position, event: toStoredEvent(recorded) };
    } catch (error) {
      pass.onInvalid(error as Error);
      return { position: recorded.position, event: null };
    }
  });
  // A page cut short by an unreadable event is not the end of the log.
  return { entries, last: page.length < PAGE_SIZE && !(page.at(-1) instanceof CorruptEventError) };
};

/** Applies the log after `from` to the rebuilt generations, up to the end of the log as it is now. */
export const rebuildPass = async (pass: RebuildPass, from: Reached): Promise<Reached> => {
  const slices = new Slices();
  let reached = from;
  for (;;) {
    const { entries, last } = await entriesOf(pass, reached.position);
    for (let i = 0; i < entries.length && !pass.stopped();) {
      const chunk = entries.slice(i, i + pass.writes.eventsPerWrite(true));
      let next = reached;
      for (const [r, readModel] of pass.readModels.entries()) next = await pass.writes.write(readModel.name, chunk, reached, pass.targets[r]);
      reached = next;
      i += chunk.length;
      pass.onProgress(reached.events - from.events);
      await pass.commitIfDue();
      await slices.yieldIfDue();
    }
    if (last || pass.stopped()) return reached;
  }
};
