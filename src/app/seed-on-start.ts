import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { ingestFiles } from '../articles/ingesting-article/ingest-files.js';
import { CONFIG, type Config } from './config.js';

/** A newcomer sees data at once: an empty store is filled from seeds/ unless SEED_ON_START=false. */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('seed');

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart || (await this.store.headPosition()) >= 0n) return;
    const summary = await ingestFiles(this.commands, [this.config.seedsDir]);
    this.logger.log(`seeded ${summary.created} article(s) from ${this.config.seedsDir}${summary.failed.length ? `, ${summary.failed.length} failed` : ''}`);
  }
}
