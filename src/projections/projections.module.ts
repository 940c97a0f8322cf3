import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import type { ReadModelStore } from '../read-model-store/read-model-store.js';
import { readModelFile, SqliteReadModelStore } from '../read-model-store/sqlite/sqlite-read-model-store.js';
import { STORED_READ_MODELS } from '../read-models/index.js';
import { ProjectionsController } from './projections.controller.js';
import { PROJECTION_RUNNER, READ_MODEL_STORE } from './projections.tokens.js';
import { StoredProjectionRunner } from './stored-projection-runner.js';
import { WorkerWrites } from './write-worker/worker-writes.js';

export { PROJECTION_RUNNER, READ_MODEL_STORE } from './projections.tokens.js';

/** Written from the write worker: a file's, unless READ_MODEL_WRITES=thread (an in-memory store has one connection). */
const writesInWorker = (config: Config, events: EventStore): boolean => events.kind !== 'in-memory' && config.readModelWrites === 'worker';

/**
 * Read models are kept beside the data, not in the event store, so any store (SQLite or
 * EventStoreDB) feeds them alike; an in-memory event store (tests) gets an in-memory read-model store.
 * With the write worker, this thread's store only reads.
 */
const openReadModelStore = (config: Config, events: EventStore): ReadModelStore =>
  events.kind === 'in-memory'
    ? new SqliteReadModelStore(':memory:', STORED_READ_MODELS)
    : new SqliteReadModelStore(readModelFile(config.dataDir), STORED_READ_MODELS, { writes: writesInWorker(config, events) ? 'elsewhere' : 'here' });

/**
 * A worker lost takes its uncommitted writes with it, which this thread counted as written: the
 * service exits rather than serve on a runner that believes them, and its restart resumes every read
 * model from the checkpoint committed with its rows (the events themselves are in the event store).
 */
const exitOnLostWorker = (error: Error): void => {
  new Logger('projections').fatal(`the read-model write worker was lost; exiting so that a restart resumes from the checkpoints: ${error.message}`);
  process.exit(1);
};

const openRunner = (config: Config, events: EventStore, store: ReadModelStore): StoredProjectionRunner => {
  const writes = writesInWorker(config, events) ? new WorkerWrites(readModelFile(config.dataDir), exitOnLostWorker) : undefined;
  return new StoredProjectionRunner(events, store, STORED_READ_MODELS, { writes });
};

@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [
    { provide: READ_MODEL_STORE, inject: [CONFIG, EVENT_STORE], useFactory: openReadModelStore },
    {
      provide: PROJECTION_RUNNER,
      inject: [CONFIG, EVENT_STORE, READ_MODEL_STORE],
      useFactory: openRunner,
    },
  ],
  exports: [PROJECTION_RUNNER, READ_MODEL_STORE],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: StoredProjectionRunner,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
  ) {}

  /** Never fails: a store that does not answer yet is retried by the runners (GET /health says so meanwhile). */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  /** Before the event store closes (onApplicationShutdown), so the last batch is written; then the file is let go. */
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    this.store.close();
  }
}
