import { Global, Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { ALL_PROJECTIONS } from '../read-models/index.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionsController } from './projections.controller.js';
import { PROJECTION_RUNNER } from './projections.tokens.js';
import { snapshotFile, ViewSnapshots } from './view-snapshots.js';

export { PROJECTION_RUNNER } from './projections.tokens.js';

const VIEW_SNAPSHOTS = Symbol('ViewSnapshots');

/** Views are kept beside the data, not in the event store, so any store (SQLite or EventStoreDB) feeds them alike. */
@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [
    { provide: VIEW_SNAPSHOTS, inject: [CONFIG], useFactory: (config: Config) => new ViewSnapshots(snapshotFile(config.dataDir)) },
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, VIEW_SNAPSHOTS],
      useFactory: (store: EventStore, snapshots: ViewSnapshots) => new ProjectionRunner(store, ALL_PROJECTIONS, snapshots, { snapshotEveryMs: 1000 }),
    },
  ],
  exports: [PROJECTION_RUNNER],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(VIEW_SNAPSHOTS) private readonly snapshots: ViewSnapshots,
  ) {}

  /** Never fails: a store that does not answer yet is retried by the runner (GET /health says so meanwhile). */
  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  /** Before the store closes (onApplicationShutdown), so the last snapshot is written; then the file is let go. */
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    this.snapshots.close();
  }
}
