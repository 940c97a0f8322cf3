// Reads a client can make expensive: `asOf` replays the log, `?hash=true` hashes every view. At
// most MAX_REPLAYS replays run at once and REPLAY_QUEUE wait; more get 503 with Retry-After.
// Every read counts against a per-client limit, costly ones against a far smaller one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { REPLAY_RETRY_AFTER_S } from '../../src/views/replay-gate.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('asOf replays', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { maxReplays: 1, replayQueue: 1 } });
    await request(t.server).post('/articles').send({ text: 'Ruritania pledged to reopen the port.' }).expect(201);
  });
  afterAll(async () => t.close());

  it('runs one at a time, queues one, and answers any more with 503 and Retry-After until they finish', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const readAll = t.store.readAll.bind(t.store);
    t.store.readAll = async (options) => { await held; return readAll(options); };
    try {
      const running = [request(t.server).get('/claims?asOf=1'), request(t.server).get('/articles?asOf=1')].map((r) => r.then((res) => res));
      await new Promise((r) => setTimeout(r, 100));
      const refused = await request(t.server).get('/parties?asOf=1');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe(String(REPLAY_RETRY_AFTER_S));
      expect(refused.body.message).toMatch(/too many asOf replays at once; retry in/);
      // Reads from memory are not held up by the replays.
      await request(t.server).get('/claims').expect(200);
      release();
      expect((await Promise.all(running)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      release();
      t.store.readAll = readAll;
    }
    await request(t.server).get('/parties?asOf=1').expect(200);
  });
});

describe('read rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { readRateLimit: 20, costlyReadRateLimit: 3 } });
  });
  afterAll(async () => t.close());

  it('costly reads have their own small budget per client, with 429 and Retry-After', async () => {
    for (const path of ['/projections?hash=true', '/claims?asOf=0', '/parties?asOf=2025-01-01']) await request(t.server).get(path).expect(200);
    const limited = await request(t.server).get('/projections?hash=true');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
    expect(limited.body.message).toMatch(/rate limit|retry/i);
    await request(t.server).get('/projections').expect(200);
  });

  it('plain reads are limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await request(t.server).get('/health')).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 18).every((s) => s === 200)).toBe(true);
  });
});
