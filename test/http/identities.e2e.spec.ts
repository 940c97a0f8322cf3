// Per-analyst keys: the audit trail names whoever's key made a change (not what a header says),
// each event's metadata holds the key id, roles bound what a key may do, and keys are checked
// before the rate limit, which counts per principal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { keysFile } from '../../src/app/config.js';
import { KeyStore } from '../../src/auth/key-store.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SHARED = 's3cret-key-of-twelve';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** supertest re-encodes header values, so the key's UTF-8 bytes go out through node:http as they are. */
const postWithKeyBytes = (server: TestApp['server'], key: Buffer): Promise<number> =>
  new Promise((resolve, reject) => {
    // A Buffer body: with a string one Node writes the headers in the body's encoding (UTF-8), not Latin-1.
    const body = Buffer.from(JSON.stringify({ text: `Genovia pledged ${key.length}.` }));
    const { port } = server.address() as AddressInfo;
    const headers = { 'content-type': 'application/json', authorization: Buffer.concat([Buffer.from('Bearer '), key]).toString('latin1') };
    http
      .request({ host: '127.0.0.1', port, path: '/articles', method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
      .on('error', reject)
      .end(body);
  });

describe('personal keys and roles', () => {
  let t: TestApp;
  let keys: KeyStore;
  let kim: { keyId: string; token: string };
  let lee: { keyId: string; token: string };
  let reader: { keyId: string; token: string };
  let admin: { keyId: string; token: string };
  let articleId: string;
  let claimId: string;

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor, config: { apiKey: SHARED } });
    keys = new KeyStore(keysFile(t));
    [kim, lee, reader, admin] = [keys.add('kim', 'analyst'), keys.add('lee', 'analyst'), keys.add('rita', 'reader'), keys.add('ada', 'admin')];
    const ingested = await request(t.server).post('/articles').set(bearer(kim.token)).send({ text: 'Freedonia pledged to reopen the port.' }).expect(201);
    articleId = ingested.body.articleId;
    claimId = (await request(t.server).get(`/claims?article=${articleId}`).expect(200)).body.items[0].claimId;
  });
  afterAll(async () => {
    keys.close();
    await t.close();
  });

  const revision = async () => (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body.revision as string;
  const lastEvent = async () => (await t.store.readAll()).at(-1)!;

  it('takes recordedBy from the key, stores the key id in the metadata, and refuses an X-Analyst naming someone else', async () => {
    const impersonation = await request(t.server)
      .post(`/claims/${claimId}/correction`)
      .set(bearer(kim.token))
      .set('x-analyst', 'chief-editor')
      .set('if-match', `"${await revision()}"`)
      .send({ changes: { hedged: true }, reason: 'hedged' });
    expect(impersonation.status).toBe(403);
    expect(impersonation.body.message).toMatch(/this key belongs to kim/);
    await request(t.server)
      .post(`/claims/${claimId}/correction`)
      .set(bearer(kim.token))
      .set('if-match', `"${await revision()}"`)
      .send({ changes: { hedged: true }, reason: 'hedged' })
      .expect(201);
    const corrected = await lastEvent();
    expect(corrected.data).toMatchObject({ recordedBy: 'analyst:kim' });
    expect(corrected.metadata).toMatchObject({ keyId: kim.keyId });
    await request(t.server)
      .post(`/claims/${claimId}/correction`)
      .set(bearer(lee.token))
      .set('x-analyst', 'lee')
      .set('if-match', `"${await revision()}"`)
      .send({ changes: { hedged: false }, reason: 'not hedged' })
      .expect(201);
    expect((await lastEvent()).metadata).toMatchObject({ keyId: lee.keyId });
    // The claim's history (what the desk shows) says who did what, with which key.
    const history = (await request(t.server).get(`/claims/${claimId}`).expect(200)).body.history as Array<{
      type: string;
      recordedBy: string;
      keyId: string | null;
    }>;
    expect(history.filter((h) => h.type === 'ClaimCorrected').map((h) => [h.recordedBy, h.keyId])).toEqual([
      ['analyst:kim', kim.keyId],
      ['analyst:lee', lee.keyId],
    ]);
  });

  it('the shared API_KEY still works as an admin key; its writes are marked with key id API_KEY', async () => {
    await request(t.server)
      .post(`/claims/${claimId}/retraction`)
      .set(bearer(SHARED))
      .set('x-analyst', 'pat')
      .set('if-match', `"${await revision()}"`)
      .send({ reason: 'not a pledge' })
      .expect(201);
    const retracted = await lastEvent();
    expect(retracted.data).toMatchObject({ recordedBy: 'analyst:pat' });
    expect(retracted.metadata).toMatchObject({ keyId: 'API_KEY' });
    await request(t.server).post('/projections/rebuild').set(bearer(SHARED)).expect(202);
  });

  it('roles: a reader cannot write, an analyst cannot rebuild, an admin can', async () => {
    const asReader = await request(t.server).post('/articles').set(bearer(reader.token)).send({ text: 'Genovia pledged calm.' });
    expect(asReader.status).toBe(403);
    expect(asReader.body.message).toMatch(/reader role; this request needs analyst/);
    const asAnalyst = await request(t.server).post('/projections/rebuild').set(bearer(kim.token));
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.body.message).toMatch(/needs admin/);
    await request(t.server).post('/projections/rebuild?wait=true').set(bearer(admin.token)).expect(202);
  });

  it('?hash=true needs a key once keys exist; plain reads stay open', async () => {
    expect((await request(t.server).get('/projections?hash=true')).status).toBe(401);
    await request(t.server).get('/projections?hash=true').set(bearer(reader.token)).expect(200);
    await request(t.server).get('/projections').expect(200);
    await request(t.server).get('/claims').expect(200);
  });

  it('a revoked key stops working at once', async () => {
    const temp = keys.add('temp', 'analyst');
    await request(t.server).post('/articles').set(bearer(temp.token)).send({ text: 'Genovia pledged a bridge.' }).expect(201);
    expect(keys.revoke(temp.keyId)).toBe(true);
    const res = await request(t.server).post('/articles').set(bearer(temp.token)).send({ text: 'Genovia pledged a tunnel.' });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/not recognised/);
  });

  it('compares digests: a wrong key of any length or bytes is a 401, never a 500', async () => {
    // One non-ASCII character in a key of the right length threw in timingSafeEqual (a 500 that told the length).
    for (const given of [
      's3cret-key-of-twelv\u00e9',
      's3cret-key-of-twelv\u00ff',
      '\u00e9'.repeat(20),
      's3cret-key-of-twelve-and-more',
      'x',
      `ct_${kim.keyId}.${'A'.repeat(43)}`,
    ]) {
      expect(await postWithKeyBytes(t.server, Buffer.from(given, 'latin1'))).toBe(401);
      expect(await postWithKeyBytes(t.server, Buffer.from(given, 'utf8'))).toBe(401);
    }
  });
});

describe('a non-ASCII API_KEY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { apiKey: 'clé-secrète-ünïcode' } });
  });
  afterAll(async () => t.close());

  it('works when sent as UTF-8 and refuses anything else with 401 (not a 500 for every write)', async () => {
    expect(await postWithKeyBytes(t.server, Buffer.from('clé-secrète-ünïcode', 'utf8'))).toBe(201);
    expect(await postWithKeyBytes(t.server, Buffer.from('clé-secrète-ünïcode', 'latin1'))).toBe(401);
    expect(await postWithKeyBytes(t.server, Buffer.from('cle-secrete-unicode'))).toBe(401);
    expect(await postWithKeyBytes(t.server, Buffer.from('clé-secrète-ünïcodé', 'utf8'))).toBe(401);
  });
});

describe('the key is checked before the rate limit', () => {
  let t: TestApp;
  let keys: KeyStore;
  beforeAll(async () => {
    t = await startTestApp({ config: { apiKey: SHARED, writeRateLimit: 5 } });
    keys = new KeyStore(keysFile(t));
  });
  afterAll(async () => {
    keys.close();
    await t.close();
  });

  it('five failed logins from one address do not spend the budget of the right key', async () => {
    const kim = keys.add('kim', 'analyst');
    for (let i = 0; i < 5; i++)
      expect(
        (
          await request(t.server)
            .post('/articles')
            .set(bearer('wrong-key'))
            .send({ text: `Genovia pledged ${i}.` })
        ).status,
      ).toBe(401);
    // The failed attempts are limited at their address...
    expect((await request(t.server).post('/articles').set(bearer('wrong-key')).send({ text: 'Genovia pledged more.' })).status).toBe(429);
    // ...and the right keys from the same address each have their own budget.
    await request(t.server).post('/articles').set(bearer(kim.token)).send({ text: 'Genovia pledged a road.' }).expect(201);
    await request(t.server).post('/articles').set(bearer(SHARED)).send({ text: 'Genovia pledged a rail.' }).expect(201);
    for (let i = 0; i < 4; i++)
      await request(t.server)
        .post('/articles')
        .set(bearer(kim.token))
        .send({ text: `Genovia pledged lane ${i}.` })
        .expect(201);
    expect((await request(t.server).post('/articles').set(bearer(kim.token)).send({ text: 'Genovia pledged one too many.' })).status).toBe(429);
  });
});

describe('READ_REQUIRES_KEY', () => {
  let t: TestApp;
  let keys: KeyStore;
  beforeAll(async () => {
    t = await startTestApp({ config: { readRequiresKey: true } });
    keys = new KeyStore(keysFile(t));
  });
  afterAll(async () => {
    keys.close();
    await t.close();
  });

  it('every read needs a key of any role', async () => {
    const rita = keys.add('rita', 'reader');
    for (const path of ['/claims', '/parties', '/projections', '/articles']) {
      const res = await request(t.server).get(path);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/this read needs Authorization: Bearer/);
      await request(t.server).get(path).set(bearer(rita.token)).expect(200);
    }
  });
});
