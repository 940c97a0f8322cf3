// Reads a client can make expensive (`asOf` walks older row versions, `?hash=true` hashes every
// read model): every read counts against a per-client limit, costly ones against a far smaller one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

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
