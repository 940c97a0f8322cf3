// A stored projection runner started over a read-model store, and how to stop it once: stopped
// (and the store closed) by the test's cleanup unless the test stopped it before.
import type { EventStore } from '../../src/event-store/event-store.js';
import { StoredProjectionRunner, type StoredRunnerOptions } from '../../src/projections/stored-projection-runner.js';
import type { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import type { StoredReadModel } from '../../src/read-models/stored-read-model.js';

export const startRunner = async (
  events: EventStore,
  store: SqliteReadModelStore,
  readModels: readonly StoredReadModel[],
  options: StoredRunnerOptions,
  cleanup: Array<() => Promise<void> | void>,
) => {
  const runner = new StoredProjectionRunner(events, store, readModels, options);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await runner.stop();
    store.close();
  };
  cleanup.unshift(stop);
  await runner.start();
  return { runner, store, stop };
};
