import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig, type Config } from '../../src/app/config.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import type { ExtractionPort } from '../../src/domain/extraction-port.js';
import { noClaimsExtractor } from '../../src/domain/no-claims-extractor.js';
import type { EventStore } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

export interface TestApp<S extends EventStore = SqliteEventStore> {
  app: NestFastifyApplication;
  server: import('node:http').Server;
  store: S;
  dataDir: string;
  close(): Promise<void>;
}

interface TestAppOptions {
  /** An extractor run in the request's thread, or a port such as the worker pool (closed with the app). */
  extractor?: ClaimExtractor | ExtractionPort;
  config?: Partial<Config>;
  listenOn?: string;
  /** Where the app's log lines go; none are written without it. */
  logs?: DestinationStream;
}

/** The real Nest app on a fresh SQLite file (or on `store`), listening on a loopback port for supertest. */
export async function startTestApp(options?: TestAppOptions): Promise<TestApp>;
export async function startTestApp<S extends EventStore>(options: TestAppOptions & { store: S }): Promise<TestApp<S>>;
export async function startTestApp(options: TestAppOptions & { store?: EventStore } = {}): Promise<TestApp<EventStore>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-'));
  const config = { ...loadConfig({}), dataDir, seedOnStart: false, ...options.config };
  const store = options.store ?? new SqliteEventStore(join(dataDir, 'claimtrail.sqlite'), { pollMs: 20 });
  const app = await createApp({ config, extractor: options.extractor ?? noClaimsExtractor, store, logger: options.logs ?? false });
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
}
