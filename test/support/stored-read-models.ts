// Feeds given events into stored read models over an in-memory SQLite read-model store, the way
// the runner does (each read model on its own, a batch at a time with its checkpoint), so tests
// can compare their queries with the in-memory reference read models.
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import type { ProjectedEvent } from '../../src/read-models/projection.js';
import type { StoredReadModel } from '../../src/read-models/stored-read-model.js';

export const storeOf = (readModels: readonly StoredReadModel[], events: readonly ProjectedEvent[] = [], batchSize = 3): SqliteReadModelStore => {
  const store = new SqliteReadModelStore(':memory:', readModels);
  feed(store, readModels, events, batchSize);
  return store;
};

/** Applies more events (after those already fed) to every read model. */
export const feed = (store: SqliteReadModelStore, readModels: readonly StoredReadModel[], events: readonly ProjectedEvent[], batchSize = 3): void => {
  for (const readModel of readModels) {
    const before = store.checkpoint(readModel.name);
    for (let i = 0; i < events.length; i += batchSize) {
      const batch = events.slice(i, i + batchSize);
      const writes = batch.map((event) => ({
        position: event.position,
        write: (writer: Parameters<StoredReadModel['apply']>[0]) => readModel.apply(writer, event),
      }));
      const position = batch[batch.length - 1].position;
      store.apply(readModel.name, writes, { version: readModel.version, position, events: (before?.events ?? 0) + i + batch.length });
    }
  }
};
