// What a browser on another origin could make the service do: JSON is the only body type, writes
// that a browser marks cross-origin are refused, and the service answers only to its own names.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TEXT = 'Ruritania pledged to open the border.';

describe('body types, Origin and Sec-Fetch-Site on writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { corsOrigin: 'https://desk.example' } });
  });
  afterAll(async () => t.close());

  it.each([
    ['application/x-www-form-urlencoded', `text=${encodeURIComponent(TEXT)}`],
    ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="text"\r\n\r\n${TEXT}\r\n--x--\r\n`],
    ['text/plain', JSON.stringify({ text: TEXT })],
    ['application/xml', '<text>x</text>'],
  ])('a %s body is refused with 415, nothing written', async (type, body) => {
    const res = await request(t.server).post('/articles').set('content-type', type).send(body);
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/content-type/i);
    expect(await t.store.headPosition()).toBe(-1n);
  });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another port of the same host)', { 'sec-fetch-site': 'same-site' }],
    ['an Origin of another host', { origin: 'http://attacker.example' }],
    ['an Origin of another port', { origin: 'http://127.0.0.1:1' }],
  ])('a write with %s is refused with 403, nothing written', async (_, headers) => {
    for (const path of ['/articles', '/projections/rebuild']) {
      const res = await request(t.server).post(path).set(headers).send({ text: TEXT });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/cross-origin/i);
    }
    expect(await t.store.headPosition()).toBe(-1n);
  });

  it('same-origin and non-browser writes pass, and so do the CORS_ORIGIN origins', async () => {
    const own = `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;
    await request(t.server).post('/articles').set({ origin: own, 'sec-fetch-site': 'same-origin' }).send({ text: TEXT }).expect(201);
    await request(t.server)
      .post('/articles')
      .send({ text: `${TEXT} Again.` })
      .expect(201);
    await request(t.server)
      .post('/articles')
      .set({ origin: 'https://desk.example', 'sec-fetch-site': 'cross-site' })
      .send({ text: `${TEXT} Thrice.` })
      .expect(201);
  });

  it('reads from another origin are answered (without CORS headers the page cannot read them)', async () => {
    const res = await request(t.server).get('/claims').set({ origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' }).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('Host names (DNS rebinding)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    port = (t.server.address() as { port: number }).port;
  });
  afterAll(async () => t.close());

  it.each(['attacker.example', `attacker.example:${0}`, '127.0.0.1.nip.io', 'localhost.attacker.example', '', 'a b'])(
    'Host %j is refused with 421 for reads, writes and the desk',
    async (host) => {
      for (const req of [request(t.server).get('/health'), request(t.server).get('/'), request(t.server).post('/articles').send({ text: TEXT })]) {
        const res = await req.set('host', host.replace(':0', `:${port}`));
        expect(res.status).toBe(421);
        expect(res.body.message).toMatch(/does not answer to the host .*ALLOWED_HOSTS/);
      }
      expect(await t.store.headPosition()).toBe(-1n);
    },
  );

  it('answers to its loopback names on any port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'localhost']) {
      await request(t.server).get('/health').set('host', host).expect(200);
    }
  });

  it('ALLOWED_HOSTS replaces the defaults; HOST=[::1] is bound without brackets', () => {
    expect(loadConfig({ ALLOWED_HOSTS: 'claims.example.org, Desk.Example.org' }).allowedHosts).toEqual(['claims.example.org', 'desk.example.org']);
    expect(loadConfig({ HOST: '10.0.0.5' }).allowedHosts).toContain('10.0.0.5');
    expect(loadConfig({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({ HOST: '[::1]' }).host).toBe('::1');
  });
});

describe('an app bound to HOST=[::1]', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('listens there and answers', async () => {
    const config = loadConfig({ HOST: '[::1]' });
    t = await startTestApp({ listenOn: config.host });
    const { address, port } = t.server.address() as { address: string; port: number };
    expect(address).toBe('::1');
    await request(`http://[::1]:${port}`).get('/health').expect(200);
  });
});
