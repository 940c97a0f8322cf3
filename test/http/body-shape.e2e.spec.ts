// Shapes class-transformer and class-validator mishandle are refused before they run: deep nesting
// (it overflowed the stack: a 500) and fields named like Object.prototype's members (they passed the whitelist).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { checkPlainShape, MAX_DEPTH } from '../../src/http/plain-shape.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const nested = (depth: number, inner: string): string => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

describe('request shapes', () => {
  let t: TestApp;
  let claimId: string;
  let revision: string;
  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
    const { articleId } = (await request(t.server).post('/articles').send({ text: 'Ruritania pledged to reopen the port.' }).expect(201)).body;
    const events = (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body;
    revision = events.revision;
    claimId = events.events.find((e: { data: { claimId?: string } }) => e.data.claimId).data.claimId;
  });
  afterAll(async () => t.close());

  it.each([3000, 10_000, 100_000])('a body nested %i levels deep is a 400 that says so, nothing written', async (depth) => {
    const before = await t.store.headPosition();
    for (const [path, body] of [
      ['/articles', `{"text":"x","extra":${nested(depth, '1')}}`],
      [`/claims/${claimId}/correction`, `{"reason":"deep","changes":${nested(depth, '{}')}}`],
      [`/claims/${claimId}/correction`, `{"reason":"deep","changes":{"actors":${'['.repeat(depth)}${']'.repeat(depth)}}}`],
    ]) {
      const res = await request(t.server).post(path).set('content-type', 'application/json').set('if-match', `"${revision}"`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/nests more than 32 levels/);
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it.each(['hasOwnProperty', 'toString', 'constructor', 'valueOf', 'isPrototypeOf', '__defineGetter__'])(
    'a field named %s is refused like any unknown field',
    async (name) => {
      const before = await t.store.headPosition();
      const ingest = await request(t.server).post('/articles').set('content-type', 'application/json').send(`{"text":"Genovia pledged calm.","${name}":"x"}`);
      expect(ingest.status).toBe(400);
      expect(ingest.body.message).toBe(`${name}: property ${name} should not exist`);
      const correction = await request(t.server)
        .post(`/claims/${claimId}/correction`)
        .set('if-match', `"${revision}"`)
        .set('content-type', 'application/json')
        .send(`{"reason":"r","changes":{"hedged":true,"${name}":1}}`);
      expect(correction.status).toBe(400);
      expect(correction.body.message).toBe(`changes.${name}: property ${name} should not exist`);
      const query = await request(t.server).get(`/claims?${name}=1`);
      expect(query.status).toBe(400);
      expect(await t.store.headPosition()).toBe(before);
    },
  );

  it('the walk itself keeps its own stack and allows the shapes the API uses', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(() => checkPlainShape(deep)).toThrow(/nests more than/);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(() => checkPlainShape(ok)).not.toThrow();
    expect(() => checkPlainShape({ changes: { actors: [{ party: 'x', mention: 'X' }] } })).not.toThrow();
  });
});
