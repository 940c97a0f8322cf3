import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig, type Config } from '../../src/app/config.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import { noClaimsExtractor } from '../../src/domain/no-claims-extractor.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

export interface TestApp {
  app: NestFastifyApplication;
  server: import('node:http').Server;
  store: SqliteEventStore;
  dataDir: string;
  close(): Promise<void>;
}

/** The real Nest app on a fresh SQLite file, listening on a loopback port for supertest. */
export const startTestApp = async (
  options: { extractor?: ClaimExtractor; config?: Partial<Config>; listenOn?: string } = {},
): Promise<TestApp> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-'));
  const config = { ...loadConfig({}), dataDir, seedOnStart: false, ...options.config };
  const store = new SqliteEventStore(join(dataDir, 'claimtrail.sqlite'), { pollMs: 20 });
  const app = await createApp({ config, extractor: options.extractor ?? noClaimsExtractor, store, logger: false });
  await app.listen(0, options.listenOn ?? '127.0.0.1');
  return {
    app,
    server: app.getHttpServer(),
    store,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
