import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { checkListenPolicy } from '../../src/app/listen-policy.js';
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
  it('binds beyond loopback only with an API key', () => {
    expect(() => checkListenPolicy({ host: '127.0.0.1', apiKey: null })).not.toThrow();
    expect(() => checkListenPolicy({ host: '::1', apiKey: null })).not.toThrow();
    expect(() => checkListenPolicy({ host: '0.0.0.0', apiKey: null })).toThrow(/API_KEY/);
    expect(() => checkListenPolicy({ host: '0.0.0.0', apiKey: 'k' })).not.toThrow();
  });
});
