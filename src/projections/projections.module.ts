import { Global, Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { ALL_PROJECTIONS } from '../read-models/index.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionsController } from './projections.controller.js';
import { PROJECTION_RUNNER } from './projections.tokens.js';
import { ViewSnapshots } from './view-snapshots.js';

export { PROJECTION_RUNNER } from './projections.tokens.js';

/** Views are kept beside the data, not in the event store, so any store (SQLite or EventStoreDB) feeds them alike. */
@Global()
@Module({
  controllers: [ProjectionsController],
  providers: [
    {
      provide: PROJECTION_RUNNER,
      inject: [EVENT_STORE, CONFIG],
      useFactory: (store: EventStore, config: Config) =>
        new ProjectionRunner(store, ALL_PROJECTIONS, new ViewSnapshots(join(config.dataDir, 'views.sqlite')), { snapshotEveryMs: 1000 }),
    },
  ],
  exports: [PROJECTION_RUNNER],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Before the store closes (onApplicationShutdown), so the last snapshot is written. */
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
