// A client that sends its request byte by byte, or opens socket after socket, cannot hold the
// service: the request must arrive whole within REQUEST_TIMEOUT_MS, and MAX_CONNECTIONS caps sockets.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const connect = (port: number): Promise<net.Socket> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket)).on('error', reject);
  });

/** Resolves with what the server sent once it closes the socket (or '' when nothing came). */
const closed = (socket: net.Socket): Promise<string> =>
  new Promise((resolve) => {
    let received = '';
    socket.on('data', (d) => (received += String(d))).on('close', () => resolve(received)).on('error', () => undefined);
  });

describe('socket limits', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ config: { requestTimeoutMs: 1000, connectionTimeoutMs: 3000, maxConnections: 4 } });
    port = (t.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('defaults: a request must arrive within 30 s, idle sockets close after 2 minutes, at most 1024 sockets', () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutMs: 30_000, connectionTimeoutMs: 120_000, maxConnections: 1024 });
  });

  it('a body sent one byte a time is cut off soon after REQUEST_TIMEOUT_MS, nothing written', async () => {
    const socket = await connect(port);
    const done = closed(socket);
    const started = Date.now();
    socket.write(`POST /articles HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    const drip = setInterval(() => socket.writable && socket.write(' '), 200);
    try {
      const answer = await done;
      expect(Date.now() - started).toBeLessThan(2500);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/did not arrive within 1000 ms/);
    } finally {
      clearInterval(drip);
    }
    expect(await t.store.headPosition()).toBe(-1n);
  });

  it('the timeouts reach the HTTP server', () => {
    // Node's own request limit is the backstop a second after the body deadline (REQUEST_TIMEOUT_MS).
    expect(t.server).toMatchObject({ requestTimeout: 2000, headersTimeout: 1000, timeout: 3000, maxConnections: 4 });
  });

  it('a slow answer to a complete request is not cut off', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const readAll = t.store.readAll.bind(t.store);
    t.store.readAll = async (options) => { await held; return readAll(options); };
    setTimeout(() => release(), 1800);
    try {
      await request(t.server).get('/claims?asOf=0').expect(200);
    } finally {
      t.store.readAll = readAll;
    }
  });

  it('sockets beyond MAX_CONNECTIONS are closed on arrival, and the service answers once they go', async () => {
    const held = await Promise.all([1, 2, 3, 4].map(() => connect(port)));
    await new Promise((r) => setTimeout(r, 50));
    const extra = await connect(port);
    const answer = await closed(extra);
    expect(answer).toBe('');
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
    await request(t.server).get('/health').expect(200);
  });
});
