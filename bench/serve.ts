// The service as `npm start` runs it, on a pre-loaded DATA_DIR, for the queries benchmark: it
// tells its parent the port once every read model has caught up with the log.
import 'reflect-metadata';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/app/config.js';
import { EVENT_STORE, type EventStore } from '../src/event-store/event-store.js';
import { extractionFor } from '../src/extraction-pool/extraction-for.js';
import { PROJECTION_RUNNER } from '../src/projections/projections.tokens.js';
import type { StoredProjectionRunner } from '../src/projections/stored-projection-runner.js';

const started = Date.now();
const config = loadConfig();
// Errors only: a request line per measured request would be the benchmark's own noise.
const app = await createApp({ config: { ...config, logLevel: 'error' }, extractor: extractionFor(config.extraction) });
await app.listen(0, '127.0.0.1');
const head = await app.get<EventStore>(EVENT_STORE).headPosition();
if (!(await app.get<StoredProjectionRunner>(PROJECTION_RUNNER).waitFor(head, 6 * 3_600_000))) throw new Error('the read models never caught up');
const address = app.getHttpServer().address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0, readyMs: Date.now() - started, rss: process.memoryUsage().rss });
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
