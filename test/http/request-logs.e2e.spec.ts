// Request logs as an operator reads them: one JSON line per request with its correlation id, that
// id on every line logged while serving it and on the events it wrote, and no key, cookie or body.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const KEY = 'log-test-key-0001';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Line {
  level: number;
  msg: string;
  correlationId?: string;
  method?: string;
  url?: string;
  status?: number;
  ms?: number;
  context?: string;
}

describe('request logs', () => {
  let t: TestApp;
  const raw: string[] = [];
  const lines = (): Line[] => raw.map((l) => JSON.parse(l) as Line);
  /** The log line of a request is written once its answer is sent: wait for it. */
  const lineOf = async (id: string): Promise<Line> => {
    for (let i = 0; i < 100; i++) {
      const found = lines().find((l) => l.correlationId === id && l.status !== undefined);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no request line for ${id} in:\n${raw.join('')}`);
  };

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor, config: { apiKey: KEY }, logs: { write: (line: string) => void raw.push(line) } });
  });
  afterAll(async () => t.close());
  beforeEach(() => void raw.splice(0));

  it('writes one line per request with method, URL, status, time and the caller’s correlation id, which it answers with', async () => {
    const res = await request(t.server).get('/articles?limit=5').set('x-correlation-id', 'desk-trace.42').expect(200);
    expect(res.headers['x-correlation-id']).toBe('desk-trace.42');
    const line = await lineOf('desk-trace.42');
    expect(line).toMatchObject({ msg: 'request', method: 'GET', url: '/articles?limit=5', status: 200, level: 30 });
    expect(typeof line.ms).toBe('number');
    expect(lines().filter((l) => l.correlationId === 'desk-trace.42')).toHaveLength(1);
  });

  it('makes up an id when the client sends none, or one that is no safe token, and logs refused requests too', async () => {
    const none = await request(t.server).post('/articles').send({ text: 'Freedonia pledged to reopen the port.' }).expect(401);
    const id = none.headers['x-correlation-id'];
    expect(id).toMatch(UUID);
    expect(await lineOf(id)).toMatchObject({ method: 'POST', url: '/articles', status: 401 });

    const odd = await request(t.server).get('/health').set('x-correlation-id', 'two words\u00e9').expect(200);
    expect(odd.headers['x-correlation-id']).toMatch(UUID);
    await lineOf(odd.headers['x-correlation-id']);
  });

  it('stores the request’s correlation id on the events it appends, given or made up', async () => {
    const given = await request(t.server)
      .post('/articles')
      .set('authorization', `Bearer ${KEY}`)
      .set('x-correlation-id', 'ingest-7')
      .send({ text: 'Freedonia pledged to reopen the port, officials said.' })
      .expect(201);
    const made = await request(t.server)
      .post('/articles')
      .set('authorization', `Bearer ${KEY}`)
      .send({ text: 'Ruritania pledged to open a road, officials said.' })
      .expect(201);
    const events = await t.store.readAll({ streamPrefix: 'article-' });
    const correlationOf = (articleId: string) =>
      events.filter((e) => e.streamName.includes(articleId)).map((e) => (e.metadata as { correlationId: string }).correlationId);
    expect(new Set(correlationOf(given.body.articleId as string))).toEqual(new Set(['ingest-7']));
    expect(new Set(correlationOf(made.body.articleId as string))).toEqual(new Set([made.headers['x-correlation-id']]));
  });

  it('puts the correlation id on every line logged while serving the request', async () => {
    const append = t.store.append.bind(t.store);
    t.store.append = () => Promise.reject(new Error('disk on fire'));
    try {
      await request(t.server)
        .post('/articles')
        .set('authorization', `Bearer ${KEY}`)
        .set('x-correlation-id', 'failing-write')
        .send({ text: 'Freedonia pledged to reopen the port.' })
        .expect(500);
    } finally {
      t.store.append = append;
    }
    expect(await lineOf('failing-write')).toMatchObject({ status: 500, level: 50, msg: 'request failed' });
    const about = lines().filter((l) => JSON.stringify(l).includes('disk on fire'));
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((l) => l.correlationId === 'failing-write')).toBe(true);
    expect(about[0].context).toBe('errors');
  });

  it('keeps API keys, cookies and request bodies out of the logs', async () => {
    await request(t.server)
      .post('/articles')
      .set('authorization', `Bearer ${KEY}`)
      .set('x-api-key', 'header-key-secret')
      .set('cookie', 'session=cookie-secret')
      .set('x-correlation-id', 'secrets')
      .send({ text: 'Freedonia pledged to reopen the port, body-secret said.' })
      .expect(201);
    await lineOf('secrets');
    const all = raw.join('');
    for (const secret of [KEY, 'header-key-secret', 'cookie-secret', 'body-secret']) expect(all).not.toContain(secret);
  });
});

describe('LOG_LEVEL', () => {
  it('takes pino’s levels, any case, info by default, and refuses others with the list', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"');
  });
});
