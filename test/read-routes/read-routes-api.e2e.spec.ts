import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { STORED_READ_MODELS } from '../../src/read-models/index.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const FIRST =
  'title: Port talks\noutlet: Wire One\npublished: 2025-05-20\n\n' + 'OSLO — Ruritania pledged to reopen the port. Officials said talks would continue.';
const SECOND = 'title: Rail talks\noutlet: Wire Two\npublished: 2025-05-22\n\nOSLO — Ruritania pledged to reopen the railway. Nothing else was agreed.';

describe('read models over REST (SQLite, real Nest app)', () => {
  let t: TestApp;
  let first: { articleId: string; revision: string };
  let claimId: string;

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
    first = (await request(t.server).post('/articles').send({ text: FIRST }).expect(201)).body;
    await request(t.server).post('/articles').send({ text: SECOND }).expect(201);
  });
  afterAll(async () => t.close());

  it('lists claims at once after the write, filterable and paginated', async () => {
    const all = await request(t.server).get('/claims').expect(200);
    expect(all.body.total).toBe(2);
    claimId = all.body.items.find((c: { articleId: string }) => c.articleId === first.articleId).claimId;
    const page = await request(t.server).get('/claims?limit=1&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(page.body.items).toHaveLength(1);
    const filtered = await request(t.server).get(`/claims?type=PledgeMade&actor=testland&article=${first.articleId}`).expect(200);
    expect(filtered.body.items.map((c: { claimId: string }) => c.claimId)).toEqual([claimId]);
    expect((await request(t.server).get('/claims?type=AccusationLevelled').expect(200)).body.total).toBe(0);
    expect((await request(t.server).get('/claims?from=2025-05-21').expect(200)).body.total).toBe(1);
  });

  it('refuses bad filters with 400 naming the filter, and unknown ids with 404', async () => {
    const bad = await request(t.server).get('/claims?type=Invaded&limit=0&colour=red').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'limit', 'type']);
    expect((await request(t.server).get('/claims?asOf=yesterday').expect(400)).body.message).toMatch(/asOf/);
    expect((await request(t.server).get('/claims?asOf=2025-02-30T00:00:00Z').expect(400)).body.message).toMatch(/asOf/);
    expect((await request(t.server).get("/claims?actor=x'%20OR%201=1").expect(400)).body.message).toMatch(/actor/);
    await request(t.server).get('/claims/nope').expect(404);
    await request(t.server).get('/parties/nobody').expect(404);
    await request(t.server).get('/sources/nobody').expect(404);
    await request(t.server).get('/articles/0123456789abcdef0123').expect(404);
    await request(t.server).get('/attributions/nope').expect(404);
    await request(t.server).get('/conflicts/nope').expect(404);
  });

  it('serves parties, sources, articles and attributions', async () => {
    const party = await request(t.server).get('/parties/testland').expect(200);
    expect(JSON.stringify(party.body)).toContain('PledgeMade');
    expect(party.body.claims.limit).toBe(20);
    expect((await request(t.server).get('/parties').expect(200)).body.items.some((p: { key: string }) => p.key === 'testland')).toBe(true);
    expect((await request(t.server).get('/sources').expect(200)).body.total).toBeGreaterThan(0);
    const article = await request(t.server).get(`/articles/${first.articleId}`).expect(200);
    expect(article.body).toMatchObject({ title: 'Port talks', outlet: 'Wire One' });
    expect(article.body.claimRefs).toHaveLength(1);
    const { start, end, claim } = article.body.claimRefs[0];
    expect(article.body.body.slice(start, end)).toBe(claim.evidence.text);
    const attributions = await request(t.server).get('/attributions').expect(200);
    expect(attributions.body.total).toBe(1);
    const key = attributions.body.items[0].key;
    const detail = await request(t.server)
      .get(`/attributions/${encodeURIComponent(key)}`)
      .expect(200);
    expect(JSON.stringify(detail.body)).toContain('Wire Two');
    await request(t.server).get('/conflicts').expect(200);
  });

  it('shows a correction and a retraction at once, and neither under an earlier asOf', async () => {
    const status = (await request(t.server).get('/projections').expect(200)).body;
    expect(status).toMatchObject({ invalidEvents: [], writeFailures: [] });
    const before = status.head;
    // Read first, so that the answers after each write could only be stale if kept answers were.
    const shown = async () => {
      const party = (
        await request(t.server)
          .get('/parties/testland')
          .expect(200)
          .expect('content-type', /application\/json/)
      ).body;
      const claims = (await request(t.server).get('/claims').expect(200)).body;
      return {
        party: party.claims.items.find((c: { claimId: string }) => c.claimId === claimId)?.content,
        partyTotal: party.claims.total,
        claimsTotal: claims.total,
      };
    };
    expect(await shown()).toMatchObject({ partyTotal: 2, claimsTotal: 2 });
    await request(t.server)
      .post(`/claims/${claimId}/correction`)
      .set('If-Match', first.revision)
      .send({ changes: { content: 'reopen the port by June' }, reason: 'precise' })
      .expect(201);
    expect((await request(t.server).get(`/claims/${claimId}`).expect(200)).body).toMatchObject({ content: 'reopen the port by June' });
    expect(await shown()).toEqual({ party: 'reopen the port by June', partyTotal: 2, claimsTotal: 2 });
    await request(t.server)
      .post(`/claims/${claimId}/retraction`)
      .set('If-Match', String(Number(first.revision) + 1))
      .send({ reason: 'duplicate' })
      .expect(201);
    expect(await shown()).toEqual({ party: undefined, partyTotal: 1, claimsTotal: 1 });
    expect((await request(t.server).get('/claims').expect(200)).body.total).toBe(1);
    expect((await request(t.server).get('/claims?includeRetracted=true').expect(200)).body.total).toBe(2);
    const history = (await request(t.server).get(`/claims/${claimId}`).expect(200)).body.history;
    expect(history.map((h: { type: string }) => h.type)).toEqual(['PledgeMade', 'ClaimCorrected', 'ClaimRetracted']);

    const earlier = await request(t.server).get(`/claims?asOf=${before}`).expect(200);
    expect(earlier.body.total).toBe(2);
    expect(earlier.body.items.find((c: { claimId: string }) => c.claimId === claimId).content).not.toBe('reopen the port by June');
    expect((await request(t.server).get('/claims?asOf=2000-01-01').expect(200)).body.total).toBe(0);
  });

  it('rebuilds while serving and ends with identical read-model hashes', async () => {
    const live = (await request(t.server).get('/projections?hash=true').expect(200)).body;
    expect(live.views.map((v: { name: string }) => v.name)).toEqual(STORED_READ_MODELS.map((m) => m.name));
    expect(live.views.every((v: { behind: number }) => v.behind === 0)).toBe(true);
    const [rebuilt, during] = await Promise.all([request(t.server).post('/projections/rebuild?wait=true'), request(t.server).get('/claims')]);
    expect(rebuilt.status).toBe(202);
    expect(during.status).toBe(200);
    const after = (await request(t.server).get('/projections?hash=true').expect(200)).body;
    expect(after.views.map((v: { hash: string }) => v.hash)).toEqual(live.views.map((v: { hash: string }) => v.hash));
    expect(after.views[0].lastRebuild).toMatchObject({ events: expect.any(Number), eventsPerSecond: expect.any(Number) });
    await request(t.server).post('/projections/rebuild?name=nope').expect(400);
  });
});
