import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const seed = readFileSync('seeds/003_6483d1e0e52d0ed9.txt', 'utf8');
const ARTICLE = 'Ruritania pledged to reopen the border crossing by June. Officials said talks would continue.';

describe('articles API (SQLite, real Nest app)', () => {
  let t: TestApp;
  const head = () => t.store.headPosition();

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
  });
  afterAll(async () => t.close());

  const claimBody = (evidenceText: string, start: number) => ({
    type: 'AccusationLevelled',
    actors: [{ party: 'ruritania', mention: 'Ruritania' }],
    targets: [{ party: null, mention: 'smugglers' }],
    content: 'smuggling across the border',
    source: { party: 'ruritania', mention: 'officials', cue: 'said', via: null },
    evidence: { text: evidenceText, start, end: start + evidenceText.length },
  });

  it('ingests a seed: 201 with id, stream and revision; the stream holds ArticleIngested at revision 0', async () => {
    const res = await request(t.server).post('/articles').send({ text: seed }).expect(201);
    expect(res.body).toMatchObject({ articleId: expect.stringMatching(/^[0-9a-f]{20}$/), created: true, revision: '0' });
    expect(res.body.stream).toBe(`article-${res.body.articleId}`);
    const events = await request(t.server).get(`/articles/${res.body.articleId}/events`).expect(200);
    expect(events.headers.etag).toBe('"0"');
    expect(events.body.events).toHaveLength(1);
    expect(events.body.events[0]).toMatchObject({
      type: 'ArticleIngested',
      revision: '0',
      data: { articleId: res.body.articleId, title: expect.stringContaining('Pakistan welcomes'), dateline: 'BEIJING', section: 'Politics' },
      metadata: { schemaVersion: 1, correlationId: expect.any(String), causationId: expect.any(String) },
    });
    expect(events.body.events[0].problems).toBeUndefined();
  });

  it('ingesting the same text again answers 200 with the same id and writes nothing', async () => {
    const first = await request(t.server).post('/articles').send({ text: seed });
    const before = await head();
    const again = await request(t.server)
      .post('/articles')
      .send({ text: `  ${seed.replace(/ /g, '  ')}\n` })
      .expect(200);
    expect(again.body).toMatchObject({ articleId: first.body.articleId, created: false });
    expect(await head()).toBe(before);
  });

  it('appends extracted claims with ArticleIngested in the same append', async () => {
    const res = await request(t.server).post('/articles').send({ text: ARTICLE, outlet: 'Wire', publishedAt: '2025-05-21' }).expect(201);
    expect(res.body).toMatchObject({ revision: '1', claims: 1 });
    const events = await request(t.server).get(`/articles/${res.body.articleId}/events`).expect(200);
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['ArticleIngested', 'PledgeMade']);
    expect(events.body.events[1].data).toMatchObject({ recordedBy: 'test-pledges@1', articleId: res.body.articleId });
    expect(events.body.events[1].data.claimId.startsWith(res.body.articleId)).toBe(true);
    expect(events.body.events[0].data).toMatchObject({ outlet: 'Wire', publishedAt: '2025-05-21' });
    expect(new Set(events.body.events.map((e: { position: string }) => e.position)).size).toBe(2);
  });

  describe('claims written with If-Match', () => {
    let articleId: string;
    beforeAll(async () => {
      const res = await request(t.server)
        .post('/articles')
        .send({ text: 'Ruritania accused its neighbour of smuggling arms. The talks ended without a deal.' });
      articleId = res.body.articleId;
    });
    const evidence = 'Ruritania accused its neighbour of smuggling arms.';

    it('20 parallel RecordClaim with the same If-Match: exactly one 201, 409s for the rest, one new event', async () => {
      const before = await t.store.readStream(`article-${articleId}`);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          request(t.server).post(`/articles/${articleId}/claims`).set('If-Match', '"0"').set('X-Analyst', `a${i}`).send(claimBody(evidence, 0)),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const conflict = responses.find((r) => r.status === 409)!;
      expect(conflict.body).toMatchObject({ currentRevision: '1', expectedRevision: '0', message: expect.stringContaining('revision') });
      const after = await t.store.readStream(`article-${articleId}`);
      expect(after).toHaveLength(before.length + 1);
      expect(after[after.length - 1].data).toMatchObject({ recordedBy: expect.stringMatching(/^analyst:a\d+$/) });
    });

    it('retracts and corrects claims, each against the current revision', async () => {
      const events = await request(t.server).get(`/articles/${articleId}/events`);
      const claimId = events.body.events[1].data.claimId;
      const corrected = await request(t.server)
        .post(`/claims/${claimId}/correction`)
        .set('If-Match', events.headers.etag)
        .send({ changes: { content: 'arms smuggling', hedged: true }, reason: 'closer wording' })
        .expect(201);
      expect(corrected.body).toMatchObject({ claimId, revision: '2' });
      await request(t.server).post(`/claims/${claimId}/retraction`).set('If-Match', '"1"').send({ reason: 'dup' }).expect(409);
      await request(t.server).post(`/claims/${claimId}/retraction`).set('If-Match', '2').send({ reason: 'duplicate' }).expect(201);
      const again = await request(t.server).post(`/claims/${claimId}/retraction`).set('If-Match', '3').send({ reason: 'again' }).expect(409);
      expect(again.body.message).toMatch(/retracted/);
      await request(t.server)
        .post(`/claims/${claimId}/correction`)
        .set('If-Match', '3')
        .send({ changes: { content: 'x' }, reason: 'r' })
        .expect(409);
      const stream = await t.store.readStream(`article-${articleId}`);
      expect(stream.map((e) => e.type)).toEqual(['ArticleIngested', 'AccusationLevelled', 'ClaimCorrected', 'ClaimRetracted']);
      expect(stream[2].data).toMatchObject({ changes: { content: 'arms smuggling', hedged: true }, reason: 'closer wording', recordedBy: 'analyst:anonymous' });
    });

    it('refuses bad claim writes with a clear 4xx and writes nothing', async () => {
      const before = await head();
      const post = (body: object, ifMatch: string | null = '3') => {
        const r = request(t.server).post(`/articles/${articleId}/claims`);
        return (ifMatch === null ? r : r.set('If-Match', ifMatch)).send(body);
      };
      expect((await post(claimBody(evidence, 0), null)).status).toBe(428);
      expect((await post(claimBody(evidence, 0), 'latest')).status).toBe(400);
      const mismatch = await post(claimBody(evidence, 3));
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.message).toMatch(/evidence/);
      expect((await post(claimBody(evidence, 5000))).status).toBe(422);
      const invalid = await post({ ...claimBody(evidence, 0), type: 'Invaded', claimId: 'mine', actors: 'x' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['actors', 'claimId', 'type']);
      expect((await request(t.server).post('/articles/0123456789abcdef0123/claims').set('If-Match', '0').send(claimBody(evidence, 0))).status).toBe(404);
      expect((await request(t.server).post('/claims/nope/retraction').set('If-Match', '0').send({ reason: 'r' })).status).toBe(404);
      expect((await request(t.server).post(`/claims/${articleId}-000000000000/retraction`).set('If-Match', '3').send({ reason: 'r' })).status).toBe(404);
      expect((await request(t.server).post('/claims/x/correction').set('If-Match', '0').send({ changes: {}, reason: 'r' })).status).toBe(400);
      expect(await head()).toBe(before);
    });
  });

  it('refuses bad article bodies with a clear 4xx and writes nothing', async () => {
    const before = await head();
    const missing = await request(t.server).post('/articles').send({ title: 'no text' }).expect(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'text' })]));
    const unknown = await request(t.server)
      .post('/articles')
      .send({ text: ARTICLE + ' More.', author: 'x' })
      .expect(400);
    expect(unknown.body.message).toMatch(/author/);
    await request(t.server).post('/articles').send({ text: 'x', url: 'not a url', publishedAt: 'yesterday' }).expect(400);
    await request(t.server).post('/articles').send({ text: '   ' }).expect(422);
    const badJson = await request(t.server).post('/articles').set('content-type', 'application/json').send('{"text": ').expect(400);
    expect(badJson.body.message).toBeTruthy();
    await request(t.server).post('/articles').set('content-type', 'text/plain').send('hello').expect(415);
    const huge = await request(t.server)
      .post('/articles')
      .send({ text: 'a'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    for (const r of [missing, unknown, badJson, huge]) expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(js|ts):\d+|SQLITE|INSERT/);
    expect(await head()).toBe(before);
  });

  it('answers 404 for unknown articles', async () => {
    await request(t.server).get('/articles/0123456789abcdef0123/events').expect(404);
    const res = await request(t.server).get('/articles/../../etc/passwd/events');
    expect([400, 404]).toContain(res.status);
  });

  it('reports health and serves OpenAPI docs', async () => {
    const health = await request(t.server).get('/health').expect(200);
    expect(health.body).toEqual({
      status: 'ok',
      store: 'sqlite',
      storeAnswers: true,
      views: expect.objectContaining({ state: 'following', reconnects: 0, lastError: null }),
      ready: true,
    });
    const docs = await request(t.server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/articles',
        '/articles/{articleId}/events',
        '/articles/{articleId}/claims',
        '/claims/{claimId}/retraction',
        '/claims/{claimId}/correction',
        '/health',
      ]),
    );
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });
});
