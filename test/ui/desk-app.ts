// The service as `npm start` runs it, with the rule-based extractor, the seeds ingested and an API
// key required for writes, on the in-memory store set up as EventStoreDB behaves (sparse positions,
// 1 MiB appends): the desk must never read a position as a count.
import { loadConfig } from '../../src/app/config.js';
import { seedIfEmpty } from '../../src/app/seed-on-start.js';
import { createExtractor } from '../../src/extraction/index.js';
import { uiRoot } from '../../src/ui/ui-root.js';
import type { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { sparseStore } from '../support/sparse-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

export const API_KEY = 'desk-test-key';

export interface DeskApp extends TestApp<InMemoryEventStore> {
  url: string;
  auth: { authorization: string };
}

export const startDeskApp = async (): Promise<DeskApp> => {
  if (!uiRoot()) throw new Error('No UI bundle at dist/public/index.html: run `npm run build` (npm test does it first).');
  const t = await startTestApp({ extractor: createExtractor(), config: { apiKey: API_KEY }, store: sparseStore() });
  await seedIfEmpty(t.app, { ...loadConfig({}), seedOnStart: true, seedsDir: 'seeds' });
  const address = t.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return { ...t, url: `http://127.0.0.1:${address.port}`, auth: { authorization: `Bearer ${API_KEY}` } };
};
