import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { checkListenPolicy, NETWORK_FLOORS } from '../../src/app/listen-policy.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('API key for writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { apiKey: 's3cret-key' } });
  });
  afterAll(async () => t.close());

  it('refuses writes without the key, accepts them with it, and leaves reads open', async () => {
    const body = { text: 'Freedonia pledged to reopen the port, officials said.' };
    const none = await request(t.server).post('/articles').send(body).expect(401);
    expect(none.body.message).toMatch(/Bearer/);
    await request(t.server).post('/articles').set('Authorization', 'Bearer wrong-key!').send(body).expect(401);
    expect(await t.store.headPosition()).toBe(-1n);
    await request(t.server).post('/articles').set('Authorization', 'Bearer s3cret-key').send(body).expect(201);
    await request(t.server).get('/health').expect(200);
  });
});

describe('listen policy', () => {
  const policy =
    (env: NodeJS.ProcessEnv, personalKeys = false) =>
    () =>
      checkListenPolicy(loadConfig(env), personalKeys);
  const STRONG = 'k'.repeat(NETWORK_FLOORS.apiKeyLength);

  it('binds beyond loopback only with a key', () => {
    expect(policy({ HOST: '127.0.0.1' })).not.toThrow();
    expect(policy({ HOST: '::1' })).not.toThrow();
    expect(policy({ HOST: '[::1]' })).not.toThrow();
    expect(policy({ HOST: '0.0.0.0' })).toThrow(/API_KEY/);
    expect(policy({ HOST: '0.0.0.0', API_KEY: STRONG })).not.toThrow();
    expect(policy({ HOST: '0.0.0.0' }, true)).not.toThrow();
  });

  it('beyond loopback: a shared key of at least 32 characters, and no body or rate limit above its floor', () => {
    expect(policy({ HOST: '0.0.0.0', API_KEY: 'k' })).toThrow(/API_KEY of 1 characters: use at least 32/);
    expect(policy({ HOST: '0.0.0.0', API_KEY: 'k'.repeat(31) })).toThrow(/at least 32/);
    expect(policy({ HOST: '0.0.0.0', API_KEY: STRONG, BODY_LIMIT: String(16 * 1024 * 1024) })).toThrow(
      /BODY_LIMIT=16777216: beyond loopback it may be at most 8388608/,
    );
    expect(policy({ HOST: '0.0.0.0', API_KEY: STRONG, WRITE_RATE_LIMIT: '1000000' })).toThrow(/WRITE_RATE_LIMIT/);
    expect(policy({ HOST: '0.0.0.0', API_KEY: STRONG, READ_RATE_LIMIT: '10000000' })).toThrow(/READ_RATE_LIMIT/);
    expect(policy({ HOST: '0.0.0.0', API_KEY: STRONG, COSTLY_READ_RATE_LIMIT: '100000' })).toThrow(/COSTLY_READ_RATE_LIMIT/);
    // On loopback the same values are the operator's business.
    expect(policy({ HOST: '127.0.0.1', API_KEY: 'k', BODY_LIMIT: String(16 * 1024 * 1024), WRITE_RATE_LIMIT: '1000000' })).not.toThrow();
  });

  it('READ_REQUIRES_KEY without any key would lock everyone out, so it is refused', () => {
    expect(policy({ READ_REQUIRES_KEY: 'true' })).toThrow(/READ_REQUIRES_KEY is set but no key exists/);
    expect(policy({ READ_REQUIRES_KEY: 'true', API_KEY: 'k' })).not.toThrow();
    expect(policy({ READ_REQUIRES_KEY: 'true' }, true)).not.toThrow();
  });
});

const WRITES: Array<{ path: (ids: { articleId: string; claimId: string }) => string; body: object }> = [
  { path: () => '/articles', body: { text: 'Genovia pledged to lift the tariffs, officials said.' } },
  { path: ({ articleId }) => `/articles/${articleId}/claims`, body: { type: 'PledgeMade' } },
  { path: ({ claimId }) => `/claims/${claimId}/correction`, body: { changes: { hedged: true }, reason: 'hedged' } },
  { path: ({ claimId }) => `/claims/${claimId}/retraction`, body: { reason: 'not a pledge' } },
  { path: () => '/projections/rebuild', body: {} },
];

describe('API key on every write route', () => {
  let t: TestApp;
  let ids: { articleId: string; claimId: string };
  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor, config: { apiKey: 's3cret-key' } });
    const res = await request(t.server)
      .post('/articles')
      .set('Authorization', 'Bearer s3cret-key')
      .send({ text: 'Freedonia pledged to reopen the port.' })
      .expect(201);
    ids = { articleId: res.body.articleId, claimId: (await t.store.readAll()).map((e) => (e.data as { claimId?: string }).claimId).find(Boolean)! };
  });
  afterAll(async () => t.close());

  it.each(WRITES.map((w) => [w.path({ articleId: 'ARTICLE', claimId: 'CLAIM' }), w] as const))(
    'POST %s: 401 without the key or with a wrong one, nothing written; past the guard with it',
    async (_, w) => {
      const path = w.path(ids);
      const before = await t.store.headPosition();
      for (const auth of [undefined, 'Bearer ', 'Bearer s3cret-ke', 'Bearer s3cret-key2', 'Basic czNjcmV0LWtleQ==', 's3cret-key', 'Bearer  s3cret-key']) {
        const req = request(t.server).post(path).set('If-Match', '"1"');
        const res = await (auth === undefined ? req : req.set('Authorization', auth)).send(w.body);
        expect(res.status).toBe(401);
        expect(res.body.message).toMatch(/Bearer <API_KEY>/);
      }
      expect(await t.store.headPosition()).toBe(before);
      const ok = await request(t.server).post(path).set('If-Match', '"1"').set('Authorization', 'Bearer s3cret-key').send(w.body);
      expect(ok.status).not.toBe(401);
      expect(ok.status).toBeLessThan(500);
    },
  );
});

describe('binding', () => {
  it('defaults to 127.0.0.1', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('the service refuses to start on 0.0.0.0 without API_KEY, saying why, and never listens', () => {
    if (!existsSync('dist/main.js')) throw new Error('dist/main.js is missing: run npm run build (npm test does it first)');
    const dataDir = mkdtempSync(join(tmpdir(), 'claimtrail-bind-'));
    try {
      const run = spawnSync(process.execPath, ['dist/main.js'], {
        env: { ...process.env, HOST: '0.0.0.0', PORT: '0', API_KEY: '', DATA_DIR: dataDir, SEED_ON_START: 'false' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).not.toBe(0);
      expect(run.signal).toBeNull();
      expect(run.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without API_KEY/);
      expect(run.stdout).not.toMatch(/listening/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('headers, limits and error bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor, config: { bodyLimit: 4096, writeRateLimit: 5 } });
  });
  afterAll(async () => t.close());

  it('sends helmet security headers and no x-powered-by', async () => {
    const res = await request(t.server).get('/claims').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a body over BODY_LIMIT with 413 and writes nothing', async () => {
    const res = await request(t.server)
      .post('/articles')
      .send({ text: `Genovia pledged calm. ${'x'.repeat(5000)}` });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/too large/i);
    expect(await t.store.headPosition()).toBe(-1n);
  });

  it('CORS is off: no Access-Control-Allow-Origin for any origin, preflight included', async () => {
    const get = await request(t.server).get('/claims').set('Origin', 'https://evil.example').expect(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(t.server).options('/articles').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits writes per client to WRITE_RATE_LIMIT a minute (429 with a message), reads stay open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await request(t.server)
            .post('/articles')
            .send({ text: `Genovia pledged road ${i}.` })
        ).status,
      );
    // The 413 above used one of the five.
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    const limited = await request(t.server).post('/articles').send({ text: 'Genovia pledged rail.' });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/rate limit|retry/i);
    expect(await t.store.headPosition()).toBe(8n); // 4 articles: ArticleIngested and one pledge each, positions from 1
    await request(t.server).get('/claims').expect(200);
  });
});

describe('CORS when CORS_ORIGIN is set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { corsOrigin: 'https://desk.example, https://other.example' } });
  });
  afterAll(async () => t.close());

  it('allows exactly the configured origins', async () => {
    const ok = await request(t.server).get('/claims').set('Origin', 'https://desk.example').expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://desk.example');
    const no = await request(t.server).get('/claims').set('Origin', 'https://evil.example').expect(200);
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('error bodies and injection attempts', () => {
  let t: TestApp;
  let articleId: string;
  const LEAK = /SQLITE|sqlite|SELECT|INSERT|\bat \S+ \(|node_modules|\.ts:\d+|\.js:\d+|stack/;
  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
    articleId = (await request(t.server).post('/articles').send({ text: 'Ruritania pledged to reopen the port.' }).expect(201)).body.articleId;
  });
  afterAll(async () => t.close());

  it.each([
    "/claims?actor=' OR 1=1 --",
    '/claims?article=1 OR 1=1',
    "/claims/' OR 1=1 --",
    '/claims/..%2F..%2Fetc%2Fpasswd',
    '/articles/%00',
    '/articles/..%2F..',
    "/parties/x'%3B DROP TABLE events%3B --",
    '/sources/%2e%2e%2f',
    "/attributions?party=' OR ''='",
    '/conflicts?article=%00',
    "/articles?q=' OR 1=1 --",
    '/articles/../../etc/passwd',
    '/claims?asOf=1%3B DELETE FROM events',
    '/parties?q=%25',
    '/articles?outlet=__proto__',
  ])('GET %s: 4xx or an empty answer, no leak, nothing changed', async (path) => {
    const before = await t.store.headPosition();
    const beforeHash = (await request(t.server).get('/projections?hash=true')).body.views;
    const res = await request(t.server).get(path);
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) expect(res.body.items ?? res.body).toEqual([]);
    else expect(res.body.message).toEqual(expect.any(String));
    expect(res.text).not.toMatch(LEAK);
    expect(await t.store.headPosition()).toBe(before);
    expect((await request(t.server).get('/projections?hash=true')).body.views).toEqual(beforeHash);
    await request(t.server).get(`/articles/${articleId}`).expect(200);
  });

  it('injected ids in write paths: 404, nothing written', async () => {
    const before = await t.store.headPosition();
    for (const id of ["' OR 1=1 --", '..%2F..%2Fx', '%00', `${articleId}' --`, `${articleId}%00`]) {
      const res = await request(t.server).post(`/claims/${id}/retraction`).set('If-Match', '"1"').send({ reason: 'x' });
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(LEAK);
      const rec = await request(t.server).post(`/articles/${id}/claims`).set('If-Match', '"1"').send({});
      expect(rec.status).toBeGreaterThanOrEqual(400);
      expect(rec.status).toBeLessThan(500);
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it('an internal failure answers a generic 500: no stack, no SQL, no driver message', async () => {
    // Provoke a real server-side error: the store's connection is gone under the running app.
    await t.store.close();
    const res = await request(t.server).get(`/articles/${articleId}/events`);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body.message).toMatch(/failed|unavailable|retry/i);
    expect(res.text).not.toMatch(LEAK);
    expect(res.text).not.toMatch(/connection is not open|database/i);
  });
});
