import { Logger, type INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { ingestFiles } from '../articles/ingesting-article/ingest-files.js';
import type { Config } from './config.js';

/**
 * A newcomer sees data at once: an empty store is filled from seeds/ unless SEED_ON_START=false.
 * Called once the app is initialised, when the command handlers are registered.
 */
export const seedIfEmpty = async (app: INestApplicationContext, config: Config): Promise<void> => {
  const logger = new Logger('seed');
  const store = app.get<EventStore>(EVENT_STORE);
  if (!config.seedOnStart || (await store.headPosition()) >= 0n) return;
  const summary = await ingestFiles(app.get(CommandBus), [config.seedsDir]);
  logger.log(`seeded ${summary.created} article(s) from ${config.seedsDir}`);
  for (const f of summary.failed) logger.warn(`could not seed ${f.file}: ${f.reason}`);
};
