// The service as `npm start` runs it, on a pre-loaded DATA_DIR, for the queries benchmark: it
// tells its parent the port once every view has caught up with the log.
import 'reflect-metadata';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/app/config.js';
import { EVENT_STORE, type EventStore } from '../src/event-store/event-store.js';
import { defaultExtractor } from '../src/extraction/default-extractor.js';
import type { ProjectionRunner } from '../src/projections/projection-runner.js';
import { HEAP_VIEWS, PROJECTION_RUNNER } from '../src/projections/projections.tokens.js';
import type { StoredProjectionRunner } from '../src/projections/stored-projection-runner.js';
import { claimIndex } from '../src/read-models/claims/claim-index.js';
import { listConflictsJson } from '../src/read-models/conflicts/conflicts.queries.js';
import type { AttributionsState, ClaimsState, ConflictsState } from '../src/read-models/index.js';

const started = Date.now();
// Errors only: a request line per measured request would be the benchmark's own noise.
const app = await createApp({ config: { ...loadConfig(), logLevel: 'error' }, extractor: defaultExtractor() });
await app.listen(0, '127.0.0.1');
const head = await app.get<EventStore>(EVENT_STORE).headPosition();
const runner = app.get<ProjectionRunner>(HEAP_VIEWS);
for (const views of [app.get<StoredProjectionRunner>(PROJECTION_RUNNER), runner]) {
  if (!(await views.waitFor(head, 3_600_000))) throw new Error('the views never caught up');
}
// Build what the first read would otherwise build while requests queue behind it (the claims index,
// the conflicts' listing order: at a million events, tens of seconds), then collect the garbage of
// catching up and building: the first measured run met full collections of a 10 GB heap instead
// of the route (GET /health timed out at 1M events).
const claims = runner.state<ClaimsState>('claims');
const warm = Date.now();
claimIndex(claims);
listConflictsJson(runner.state<ConflictsState>('conflicts'), claims, {}, {}, runner.state<AttributionsState>('attributions'));
console.log(`indexes built in ${((Date.now() - warm) / 1000).toFixed(1)} s`);
(globalThis as { gc?: () => void }).gc?.();
const address = app.getHttpServer().address();
process.send!({ port: typeof address === 'object' && address ? address.port : 0, readyMs: Date.now() - started, rss: process.memoryUsage().rss });
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
