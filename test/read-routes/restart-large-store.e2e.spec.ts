// "A service that may not come back after a restart is the most urgent part of issue 15": restarted
// over a large store, again and again, the service becomes ready (every read model level with the
// head as of start) and serves, and the event loop is never blocked long enough to trip a framework
// timeout (Fastify's plugin timeout is 10 s; a 300 000-event start once blocked it for 17 s).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { writeCorpus } from '../support/article-corpus.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { fillStore } from '../support/fill-store.js';
import { startAppOnDir } from './app-on-dir.js';

// 2 000 articles (6 000 events) in npm test: the stored read models apply about 1 000 events a
// second here (issue 15's open shortfall), so a bigger first catch-up would take minutes;
// RESTART_ARTICLES=7000 runs it over 21 000 events.
const ARTICLES = Number(process.env.RESTART_ARTICLES ?? 2000);
const RESTARTS = Number(process.env.RESTARTS ?? 5);
/**
 * A quarter of Fastify's plugin timeout (10 s): the runner's slices last ~20 ms, but on a shared
 * machine (load 15 on 2 cores when this was written) start-up's synchronous parts (Nest's module
 * scan, the OpenAPI document) alone took over a second.
 */
const MAX_BLOCK_MS = 2500;

/**
 * The longest gap between ticks of a 10 ms timer beyond its period, up to stop(): how long the
 * event loop was blocked at most. perf_hooks' monitorEventLoopDelay recorded no sample at all over
 * a start that never let the loop turn, which is the case that matters.
 */
const watchEventLoop = () => {
  let last = performance.now();
  let maxMs = 0;
  const tick = () => {
    const now = performance.now();
    maxMs = Math.max(maxMs, now - last - 10);
    last = now;
  };
  const timer = setInterval(tick, 10);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return { maxMs };
    },
  };
};

describe('restarting over a large store', () => {
  let dir: string;
  let events: number;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-restarts-'));
    const texts = writeCorpus(join(dir, 'corpus'), ARTICLES).map((f) => readFileSync(f, 'utf8'));
    mkdirSync(join(dir, 'data'));
    events = fillStore(join(dir, 'data', 'claimtrail.sqlite'), texts, () => pledgeExtractor);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`becomes ready and serves after each of ${RESTARTS + 1} starts, never blocking the event loop long`, async () => {
    expect(events).toBeGreaterThanOrEqual(ARTICLES * 3);
    const report: string[] = [];
    for (let start = 0; start <= RESTARTS; start++) {
      const loop = watchEventLoop();
      const began = Date.now();
      const app = await startAppOnDir(join(dir, 'data'), pledgeExtractor);
      try {
        for (;;) {
          const health = await request(app.server).get('/health').expect(200);
          if (health.body.ready) break;
          expect(health.body).toMatchObject({ status: 'ok', ready: false });
          await new Promise((r) => setTimeout(r, 20));
        }
        const readyMs = Date.now() - began;
        // Start-up is measured: from creating the app to every read model ready.
        const { maxMs } = loop.stop();
        const status = (await request(app.server).get('/projections').expect(200)).body;
        expect(status.views.every((v: { behind: number; events: number }) => v.behind === 0 && v.events === events)).toBe(true);
        // After the first start nothing is replayed: every read model resumes from its checkpoint.
        if (start > 0) expect(status.views.every((v: { processed: number }) => v.processed === 0)).toBe(true);
        expect((await request(app.server).get('/claims?limit=3').expect(200)).body.total).toBe((2 * events) / 3);
        report.push(`${start ? 'restart' : 'first start'}: ready in ${readyMs} ms, longest block ${maxMs.toFixed(0)} ms`);
        if (process.env.DEBUG_RESTARTS) console.log(report.at(-1));
        expect(maxMs).toBeLessThan(MAX_BLOCK_MS);
      } finally {
        await app.close();
      }
    }
    console.log(`restarts over ${events} events: ${report.join('; ')}`);
  }, 900_000);
});
