import { Global, Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import type { ReadModelStore } from '../read-model-store/read-model-store.js';
import { readModelFile, SqliteReadModelStore } from '../read-model-store/sqlite/sqlite-read-model-store.js';
import { STORED_READ_MODELS } from '../read-models/index.js';
import { ProjectionsController } from './projections.controller.js';
import { PROJECTION_RUNNER, READ_MODEL_STORE } from './projections.tokens.js';
import { StoredProjectionRunner } from './stored-projection-runner.js';

export { PROJECTION_RUNNER, READ_MODEL_STORE } from './projections.tokens.js';

/**
 * Read models are kept beside the data, not in the event store, so any store (SQLite or
 * EventStoreDB) feeds them alike; an in-memory event store (tests) gets an in-memory read-model store.
 */
const openReadModelStore = (config: Config, events: EventStore): ReadModelStore =>
  new SqliteReadModelStore(events.kind === 'in-memory' ? ':memory:' : readModelFile(config.dataDir), STORED_READ_MODELS);

@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [
    { provide: READ_MODEL_STORE, inject: [CONFIG, EVENT_STORE], useFactory: openReadModelStore },
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, READ_MODEL_STORE],
      useFactory: (events: EventStore, store: ReadModelStore) => new StoredProjectionRunner(events, store, STORED_READ_MODELS),
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
