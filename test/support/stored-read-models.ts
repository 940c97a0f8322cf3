// Feeds given events into stored read models over an in-memory SQLite read-model store, the way
// the runner does (each read model on its own, a batch at a time with its checkpoint), so tests
// can compare their queries with the in-memory reference read models.
import fc from 'fast-check';
import type { ReadModelReader } from '../../src/read-model-store/read-model-store.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import type { ProjectedEvent } from '../../src/read-models/projection.js';
import type { StoredReadModel } from '../../src/read-models/stored-read-model.js';
import type { Given } from '../read-models/given.js';
import { build, step } from '../read-models/random-history.js';

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

/** Where stored answers are compared with the reference's: through `reader`, with the reference folded over the first `count` events. */
export interface Moment {
  reader: ReadModelReader;
  count: number;
}

/**
 * Live (after every event) first, then as of each cut: a drawn natural number taken modulo the
 * history's length, so that it always lands in it. Positions are the events' indices (given.ts).
 */
export const momentsOf = (store: SqliteReadModelStore, events: readonly ProjectedEvent[], cuts: Iterable<number>): Moment[] => {
  const moments: Moment[] = [{ reader: store.reader(), count: events.length }];
  for (const cut of cuts) {
    const position = cut % events.length;
    moments.push({ reader: store.reader(BigInt(position)), count: position + 1 });
  }
  return moments;
};

/** Hands each query to `compare` with the moment live and the moment as of its own cut (see momentsOf). */
export const compareLiveAndAsOf = <Q>(
  store: SqliteReadModelStore,
  events: readonly ProjectedEvent[],
  queries: Iterable<readonly [Q, number]>,
  compare: (query: Q, live: Moment, past: Moment) => void,
): void => {
  for (const [query, cut] of queries) {
    const [live, past] = momentsOf(store, events, [cut]);
    compare(query, live, past);
  }
};

/**
 * The stored read models' property test: for random histories (random-history.ts), each fed into
 * a fresh store, `check` gets the history, the store and the drawn queries.
 */
export const forRandomHistories = <Q>(
  readModels: readonly StoredReadModel[],
  queries: fc.Arbitrary<Q[]>,
  numRuns: number,
  check: (history: Given, store: SqliteReadModelStore, queries: Q[]) => void,
): void => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 50, size: 'max' }), queries, (steps, drawn) => {
      const history = build(steps);
      const store = storeOf(readModels, history.events);
      check(history, store, drawn);
      store.close();
    }),
    { numRuns, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true } : {}) },
  );
};
