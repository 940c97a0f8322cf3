// The service as `npm start` runs it (Node's default heap), on a pre-loaded DATA_DIR, for the
// scale benchmark: it tells its parent the port once every read model has caught up with the log,
// with its resident memory and the longest event-loop block since the process started.
import 'reflect-metadata';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/app/config.js';
import { EVENT_STORE, type EventStore } from '../src/event-store/event-store.js';
import { extractionFor } from '../src/extraction-pool/extraction-for.js';
import { PROJECTION_RUNNER } from '../src/projections/projections.tokens.js';

export interface ScaleServerReport {
  port: number;
  readyMs: number;
  rss: number;
  maxLoopDelayMs: number;
}

// The longest gap between ticks of a 10 ms timer: how long the event loop was blocked at most.
// (perf_hooks' monitorEventLoopDelay recorded no sample at all in this process.)
let lastTick = performance.now();
let maxLoopDelayMs = 0;
setInterval(() => {
  const now = performance.now();
  maxLoopDelayMs = Math.max(maxLoopDelayMs, now - lastTick - 10);
  lastTick = now;
}, 10).unref();
await new Promise((resolve) => setTimeout(resolve, 20));
const started = Date.now();
const config = loadConfig();
// Errors only: a request line per measured request would be the benchmark's own noise.
const app = await createApp({ config: { ...config, logLevel: 'error' }, extractor: extractionFor(config.extraction) });
await app.listen(0, '127.0.0.1');
const head = await app.get<EventStore>(EVENT_STORE).headPosition();
const runner = app.get<{ waitFor(position: bigint, timeoutMs?: number): Promise<boolean> }>(PROJECTION_RUNNER);
if (!(await runner.waitFor(head, 6 * 3_600_000))) throw new Error('the read models never caught up');
const address = app.getHttpServer().address();
const report = (): ScaleServerReport => ({
  port: typeof address === 'object' && address ? address.port : 0,
  readyMs: Date.now() - started,
  rss: process.memoryUsage().rss,
  maxLoopDelayMs,
});
process.send!(report());
// The parent asks again after a load: resident memory and the longest block then.
process.on('message', () => process.send!(report()));
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
