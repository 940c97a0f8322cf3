// Withdrawal end to end: DELETE /articles/:id takes the article and its claims out of every read model,
// the stream keeps everything, its text is refused when ingested again unless forced, and bad
// requests are answered with a 4xx that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { keysFile } from '../../src/app/config.js';
import { KeyStore } from '../../src/auth/key-store.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const WITHDRAWN = 'Testland pledged to reopen the border crossing by June. Officials met in the capital.';
const KEPT = 'Testland pledged to rebuild the river bridge. Testland denied it would reopen the border crossing.';
const REASON = 'the outlet retracted the story as a hoax';
/** Every read model that lists what an article holds: after the withdrawal none of them may name it. */
const VIEWS = ['/claims?includeRetracted=true', '/parties/testland?includeRetracted=true', '/sources', '/attributions', '/conflicts', '/articles'];

describe('withdrawing an article (SQLite, real Nest app)', () => {
  let t: TestApp;
  let articleId: string;
  let keptId: string;
  let claimId: string;
  const head = () => t.store.headPosition();
  const views = async () => Promise.all(VIEWS.map(async (path) => [path, JSON.stringify((await request(t.server).get(path).expect(200)).body)] as const));
  /** The read models naming an article: its id (claim ids start with it) or its outlet, which /sources lists. */
  const naming = async (id: string, outlet: string) => (await views()).filter(([, body]) => body.includes(id) || body.includes(outlet)).map(([path]) => path);
  const conflicts = async () => (await request(t.server).get('/conflicts').expect(200)).body.total as number;
  let conflictsBefore = 0;

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
    articleId = (await request(t.server).post('/articles').send({ text: WITHDRAWN, outlet: 'Harbour Times', publishedAt: '2031-03-01' }).expect(201)).body
      .articleId;
    keptId = (await request(t.server).post('/articles').send({ text: KEPT, outlet: 'Daily Ledger', publishedAt: '2031-03-02' }).expect(201)).body.articleId;
    claimId = (await request(t.server).get(`/claims?article=${articleId}`).expect(200)).body.items[0].claimId;
    // A denial in the kept article of what the withdrawn one reports: a conflict between the two.
    const evidence = 'Testland denied it would reopen the border crossing.';
    const start = KEPT.indexOf(evidence);
    await request(t.server)
      .post(`/articles/${keptId}/claims`)
      .set('If-Match', '"1"')
      .send({
        type: 'PledgeMade',
        actors: [{ party: 'testland', mention: 'Testland' }],
        targets: [],
        content: 'reopen the border crossing',
        polarity: 'denied',
        source: { party: 'testland', mention: 'Testland', cue: 'said', via: null },
        evidence: { text: evidence, start, end: start + evidence.length },
      })
      .expect(201);
  });
  afterAll(async () => t.close());

  it('before: every read model names the article or its claims', async () => {
    expect(await naming(articleId, 'Harbour Times')).toEqual(VIEWS);
    conflictsBefore = await conflicts();
  });

  it('refuses bad requests with a clear 4xx and writes nothing', async () => {
    const before = await head();
    const missing = await request(t.server).delete(`/articles/${articleId}`).send({}).expect(400);
    expect(JSON.stringify(missing.body.message)).toMatch(/reason/);
    const noBody = await request(t.server).delete(`/articles/${articleId}`);
    expect([noBody.status, JSON.stringify(noBody.body.message)]).toEqual([400, expect.stringMatching(/reason/)]);
    const blank = await request(t.server).delete(`/articles/${articleId}`).send({ reason: '   ' }).expect(400);
    expect(blank.body.message).toMatch(/needs a reason/);
    const unknown = await request(t.server)
      .delete(`/articles/${'0'.repeat(20)}`)
      .send({ reason: REASON })
      .expect(404);
    expect(unknown.body.message).toBe(`article ${'0'.repeat(20)} not found`);
    await request(t.server).delete('/articles/not-an-id').send({ reason: REASON }).expect(404);
    await request(t.server).delete(`/articles/${articleId}`).set('If-Match', '"0"').send({ reason: REASON }).expect(409);
    await request(t.server).delete(`/articles/${articleId}`).send({ reason: REASON, force: true }).expect(400);
    expect(await head()).toBe(before);
    expect(await naming(articleId, 'Harbour Times')).toEqual(VIEWS);
  });

  it('withdraws: 200, one ArticleWithdrawn; no read model shows the article or its claims, the other article stays', async () => {
    const before = await head();
    const res = await request(t.server).delete(`/articles/${articleId}`).set('X-Analyst', 'kim').send({ reason: REASON }).expect(200);
    expect(res.body).toEqual({ articleId, stream: `article-${articleId}`, revision: '2', withdrawn: true });
    expect(res.headers.etag).toBe('"2"');
    expect(await head()).toBe(before + 1n);
    expect(await naming(articleId, 'Harbour Times')).toEqual([]);
    expect(await naming(keptId, 'Daily Ledger')).toEqual(VIEWS);
    // The denial in the kept article still meets the kept pledge; the withdrawn pledge has left that conflict (naming above).
    expect(await conflicts()).toBe(conflictsBefore);
    expect(conflictsBefore).toBeGreaterThan(0);
    await request(t.server).get(`/articles/${articleId}`).expect(410);
    await request(t.server).get(`/claims/${claimId}`).expect(404);
  });

  it('keeps the whole stream for the audit trail', async () => {
    const events = (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['ArticleIngested', 'PledgeMade', 'ArticleWithdrawn']);
    expect(events[2].data).toEqual({
      articleId,
      reason: REASON,
      recordedBy: 'analyst:kim',
      withdrawnAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      claimIds: [claimId],
    });
  });

  it('answers a read of the withdrawn article with 410 naming the withdrawal; as of before it, the article; as of before its ingest, 404', async () => {
    const events = (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body.events as Array<{
      position: string;
      data: { withdrawnAt?: string };
    }>;
    const { withdrawnAt } = events[2].data;
    const gone = await request(t.server).get(`/articles/${articleId}`).expect(410);
    expect(gone.body).toMatchObject({ statusCode: 410, error: 'Gone', articleId, withdrawal: { withdrawnAt, recordedBy: 'analyst:kim', reason: REASON } });
    expect(gone.body.message).toBe(
      `article ${articleId} was withdrawn at ${withdrawnAt} by analyst:kim (reason: ${REASON}); its events stay in its stream (GET /articles/${articleId}/events)`,
    );
    // Knowledge time: the withdrawal is answered from where it stands in the log.
    await request(t.server).get(`/articles/${articleId}?asOf=${events[2].position}`).expect(410);
    const before = await request(t.server).get(`/articles/${articleId}?asOf=${events[1].position}`).expect(200);
    expect(before.body).toMatchObject({ articleId, outlet: 'Harbour Times' });
    await request(t.server).get(`/articles/${articleId}?asOf=events:0`).expect(404);
    // Articles never ingested are still 404s.
    await request(t.server).get('/articles/ffffffffffffffffffff').expect(404);
    await request(t.server).get('/articles/not-an-id').expect(404);
  });

  it('refuses a second withdrawal and claim writes with 409s naming the withdrawal, writing nothing', async () => {
    const before = await head();
    const again = await request(t.server).delete(`/articles/${articleId}`).send({ reason: 'again' }).expect(409);
    expect(again.body.message).toContain(REASON);
    const retraction = await request(t.server).post(`/claims/${claimId}/retraction`).set('If-Match', '"2"').send({ reason: 'wrong' }).expect(409);
    expect(retraction.body.message).toMatch(/was withdrawn at .* by analyst:kim/);
    await request(t.server)
      .post(`/claims/${claimId}/correction`)
      .set('If-Match', '"2"')
      .send({ changes: { hedged: true }, reason: 'r' })
      .expect(409);
    expect(await head()).toBe(before);
  });

  it('refuses ingesting the same text again with a 409 naming the withdrawal (time and reason), writing nothing', async () => {
    const before = await head();
    const { withdrawnAt } = (await request(t.server).get(`/articles/${articleId}/events`)).body.events[2].data;
    const res = await request(t.server)
      .post('/articles')
      .send({ text: `  ${WITHDRAWN.replace(/ /g, '  ')}` })
      .expect(409);
    expect(res.body.message).toContain(withdrawnAt);
    expect(res.body.message).toContain(REASON);
    expect(res.body.message).toMatch(/force: true/);
    expect(res.body.withdrawal).toMatchObject({ reason: REASON, withdrawnAt });
    await request(t.server).post('/articles').send({ text: WITHDRAWN, force: 'yes' }).expect(400);
    expect(await head()).toBe(before);
  });

  it('ingests it again with force: a new ArticleIngested after the withdrawal, and the read models show it again', async () => {
    const res = await request(t.server)
      .post('/articles')
      .send({ text: WITHDRAWN, outlet: 'Harbour Times', publishedAt: '2031-03-01', force: true })
      .expect(201);
    expect(res.body).toMatchObject({ articleId, created: true, reinstated: true, revision: '4', claims: 1 });
    const events = (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body.events;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['ArticleIngested', 'PledgeMade', 'ArticleWithdrawn', 'ArticleIngested', 'PledgeMade']);
    expect(await naming(articleId, 'Harbour Times')).toEqual(VIEWS);
    expect(await conflicts()).toBe(conflictsBefore);
    await request(t.server).get(`/claims/${claimId}`).expect(200);
    await request(t.server).get(`/articles/${articleId}`).expect(200);
    // As of the withdrawal, before the re-ingest, it was gone.
    const withdrawal = events[2] as { position: string };
    await request(t.server).get(`/articles/${articleId}?asOf=${withdrawal.position}`).expect(410);
    // Live again: ingesting the text once more writes nothing, and its claims can be written.
    await request(t.server).post('/articles').send({ text: WITHDRAWN }).expect(200);
    await request(t.server).post(`/claims/${claimId}/retraction`).set('If-Match', '"4"').send({ reason: 'wrong' }).expect(201);
  });
});

describe('withdrawal and keys', () => {
  let t: TestApp;
  let keys: KeyStore;
  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor, config: { apiKey: 'shared-key-of-twelve' } });
    keys = new KeyStore(keysFile(t));
  });
  afterAll(async () => {
    keys.close();
    await t.close();
  });

  it('needs the analyst role, as retracting a claim does; a personal key records its analyst', async () => {
    const [reader, kim] = [keys.add('rita', 'reader'), keys.add('kim', 'analyst')];
    const { articleId } = (await request(t.server).post('/articles').set('authorization', `Bearer ${kim.token}`).send({ text: WITHDRAWN }).expect(201)).body;
    await request(t.server).delete(`/articles/${articleId}`).send({ reason: REASON }).expect(401);
    await request(t.server).delete(`/articles/${articleId}`).set('authorization', `Bearer ${reader.token}`).send({ reason: REASON }).expect(403);
    await request(t.server).delete(`/articles/${articleId}`).set('authorization', `Bearer ${kim.token}`).send({ reason: REASON }).expect(200);
    const events = (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body.events;
    expect(events.at(-1)).toMatchObject({ type: 'ArticleWithdrawn', data: { recordedBy: 'analyst:kim' }, metadata: { keyId: kim.keyId } });
  });
});
