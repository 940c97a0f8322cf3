// Every endpoint of issue 5: a bad filter is a 400 naming it, an unknown id a 404, and all of them
// are in the OpenAPI document with their query parameters.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIST = ['/claims', '/parties', '/sources', '/articles', '/attributions', '/conflicts'];
const ONE = ['/claims/{claimId}', '/parties/{party}', '/sources/{source}', '/articles/{articleId}', '/attributions/{key}', '/conflicts/{id}'];

describe('read routes: bad filters, unknown ids, OpenAPI', () => {
  let t: TestApp;
  let known: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
    const { articleId } = (await request(t.server).post('/articles').send({ text: 'OSLO — Ruritania pledged to reopen the port.' }).expect(201)).body;
    const claim = (await request(t.server).get('/claims').expect(200)).body.items[0];
    known = { claimId: claim.claimId, party: 'testland', source: 'testland', articleId, key: encodeURIComponent(claim.key) };
  });
  afterAll(async () => t.close());

  const named = (body: { message: string; errors?: Array<{ field: string }> }, filter: string) => {
    expect(body.message).toMatch(new RegExp(`^${filter}: `));
    if (body.errors) expect(body.errors.map((e) => e.field)).toEqual([filter]);
  };

  it.each([
    ['/claims?type=Invaded', 'type'],
    ['/claims?actor=Not%20A%20Party', 'actor'],
    ['/claims?topic=weather', 'topic'],
    ['/claims?article=xyz', 'article'],
    ['/claims?includeRetracted=yes', 'includeRetracted'],
    ['/claims?from=2025-13-01', 'from'],
    ['/claims?from=2025-05-21&to=2025-05-01', 'from'],
    ['/claims?limit=0', 'limit'],
    ['/claims?offset=-1', 'offset'],
    ['/claims?asOf=yesterday', 'asOf'],
    ['/claims?colour=red', 'colour'],
    ['/parties?role=bystander', 'role'],
    ['/parties?asOf=2025-02-30', 'asOf'],
    ['/parties/testland?topic=weather', 'topic'],
    ['/parties/testland?to=soon', 'to'],
    ['/sources?kind=rumour', 'kind'],
    ['/sources/testland?actor=A%20B', 'actor'],
    ['/articles?outlet=Wire%20One', 'outlet'],
    ['/articles/{articleId}?includeRetracted=maybe', 'includeRetracted'],
    ['/articles/{articleId}?limit=5', 'limit'],
    ['/attributions?status=rumoured', 'status'],
    ['/attributions/{key}?limit=501', 'limit'],
    ['/conflicts?kind=feud', 'kind'],
    ['/conflicts?includeRetracted=true', 'includeRetracted'],
    ['/conflicts/nope?asOf=x', 'asOf'],
    ['/claims/{claimId}?offset=1', 'offset'],
    ['/projections?hash=yes', 'hash'],
    ['/projections?colour=red', 'colour'],
  ])('GET %s → 400 naming %s', async (path, filter) => {
    const url = path.replace(/\{(\w+)\}/, (_, name: string) => known[name]);
    named((await request(t.server).get(url).expect(400)).body, filter);
  });

  it('POST /projections/rebuild refuses an unknown read model or flag with 400 naming it', async () => {
    named((await request(t.server).post('/projections/rebuild?name=nope').expect(400)).body, 'name');
    named((await request(t.server).post('/projections/rebuild?wait=soon').expect(400)).body, 'wait');
    named((await request(t.server).post('/projections/rebuild?colour=red').expect(400)).body, 'colour');
  });

  it('answers 404 for unknown ids on every one-item endpoint, live and as of a point, and 200 for known ones', async () => {
    const unknown = [
      '/claims/0123456789abcdef0123-000000000000',
      '/parties/nobody',
      '/sources/nobody',
      '/articles/0123456789abcdef0123',
      '/attributions/PledgeMade:nobody:-',
      '/conflicts/ca-0000000000000000',
    ];
    for (const path of unknown) {
      expect((await request(t.server).get(path).expect(404)).body.message).toMatch(/not found/);
      await request(t.server).get(`${path}?asOf=1`).expect(404);
    }
    for (const path of ONE.slice(0, 5))
      await request(t.server)
        .get(path.replace(/\{(\w+)\}/, (_, name: string) => known[name]))
        .expect(200);
  });

  it('filters by publication time with publishedFrom/publishedTo (from/to their short forms), and refuses both spellings at once', async () => {
    // The article has no date: it counts from when it was recorded, today.
    const today = new Date().toISOString().slice(0, 10);
    const count = async (q: string) => (await request(t.server).get(`/claims?${q}`).expect(200)).body.total as number;
    expect(await count(`publishedFrom=${today}`)).toBe(1);
    expect(await count('publishedTo=2000-01-01')).toBe(0);
    expect(await count('to=2000-01-01')).toBe(0);
    named((await request(t.server).get(`/claims?publishedFrom=${today}&from=${today}`).expect(400)).body, 'publishedFrom');
    const articles = async (q: string) => (await request(t.server).get(`/articles?${q}`).expect(200)).body.total as number;
    expect(await articles(`publishedFrom=${today}&publishedTo=${today}`)).toBe(1);
    expect(await articles('publishedTo=2000-01-01')).toBe(0);
    expect(await articles(`from=${today}`)).toBe(1);
    named((await request(t.server).get(`/articles?publishedTo=${today}&to=${today}`).expect(400)).body, 'publishedTo');
    named((await request(t.server).get('/articles?publishedFrom=2025-05-21&publishedTo=2025-05-01').expect(400)).body, 'from');
    // The lists of parties and sources count only the claims published within the range.
    for (const list of ['/parties', '/sources']) {
      const total = async (q: string) => (await request(t.server).get(`${list}?${q}`).expect(200)).body.total as number;
      expect(await total(`publishedFrom=${today}`)).toBeGreaterThan(0);
      expect(await total(`publishedFrom=${today}`)).toBe(await total(''));
      expect(await total('publishedTo=2000-01-01')).toBe(0);
      named((await request(t.server).get(`${list}?publishedTo=${today}&to=${today}`).expect(400)).body, 'publishedTo');
    }
  });

  it('documents every endpoint in OpenAPI with its query parameters', async () => {
    const doc = (await request(t.server).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const query = (path: string, method = 'get') =>
      (doc.paths[path]?.[method]?.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
    expect(query('/claims')).toEqual(
      [
        'actor',
        'article',
        'asOf',
        'from',
        'includeRetracted',
        'limit',
        'offset',
        'publishedFrom',
        'publishedTo',
        'source',
        'target',
        'to',
        'topic',
        'type',
      ].sort(),
    );
    for (const path of LIST) expect(query(path)).toEqual(expect.arrayContaining(['asOf', 'limit', 'offset']));
    for (const path of ONE) expect(query(path)).toContain('asOf');
    expect(query('/conflicts')).toEqual(
      expect.arrayContaining(['kind', 'party', 'source', 'article', 'type', 'topic', 'from', 'to', 'publishedFrom', 'publishedTo']),
    );
    expect(query('/articles')).toEqual(expect.arrayContaining(['outlet', 'q', 'type', 'includeRetracted', 'from', 'to', 'publishedFrom', 'publishedTo']));
    for (const path of ['/parties', '/parties/{party}', '/sources', '/sources/{source}'])
      expect(query(path)).toEqual(expect.arrayContaining(['publishedFrom', 'publishedTo']));
    expect(query('/attributions')).toEqual(expect.arrayContaining(['type', 'actor', 'target', 'party', 'topic', 'source', 'status']));
    // The two heaviest answers page 20 by default (documented), every other list 50.
    const limitDefault = (path: string) =>
      (doc.paths[path].get.parameters as Array<{ name: string; schema?: { default?: number } }>).find((p) => p.name === 'limit')?.schema?.default;
    expect([limitDefault('/conflicts'), limitDefault('/parties/{party}'), limitDefault('/claims'), limitDefault('/parties')]).toEqual([20, 20, 50, 50]);
    expect((await request(t.server).get('/conflicts').expect(200)).body.limit).toBe(20);
    expect((await request(t.server).get('/claims').expect(200)).body.limit).toBe(50);
    expect((await request(t.server).get('/conflicts?limit=500').expect(200)).body.limit).toBe(500);
    await request(t.server).get('/conflicts?limit=501').expect(400);
    expect(query('/projections')).toEqual(['hash']);
    expect(query('/projections/rebuild', 'post')).toEqual(['name', 'wait']);
  });
});
