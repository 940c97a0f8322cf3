// The real Nest app on a DATA_DIR the test owns, so it can be stopped and started again on the
// same event store and read-model file (test/support/test-app.ts makes a fresh folder every time).
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/app/config.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

export interface AppOnDir {
  app: NestFastifyApplication;
  server: import('node:http').Server;
  store: SqliteEventStore;
  /** Stops the app (last snapshot saved, store closed); the folder stays. */
  close(): Promise<void>;
}

export const startAppOnDir = async (dataDir: string, extractor: ClaimExtractor): Promise<AppOnDir> => {
  const config = { ...loadConfig({}), dataDir, seedOnStart: false };
  const store = new SqliteEventStore(join(dataDir, 'claimtrail.sqlite'), { pollMs: 20 });
  const app = await createApp({ config, extractor, store, logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, server: app.getHttpServer(), store, close: () => app.close() };
};
