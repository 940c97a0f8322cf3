// How the API answers what EventStoreDB does, on the sparse in-memory store set up as it behaves:
// appends over its 1 MiB limit, deleted and truncated streams, a store that does not answer, a
// subscription that drops. Each a clear status, nothing half written, the process never down.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENTSTOREDB_MAX_APPEND_BYTES, sparseStore } from '../support/sparse-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';

/** An article body of about `chars` characters, under the article limit of 1 000 000. */
const article = (chars: number, seed: string) =>
  `${seed} Ruritania said on Monday it would reopen the border. ${'Talks went on. '.repeat(Math.ceil(chars / 15))}`;

describe('the API on an EventStoreDB-like store', () => {
  let t: TestApp<InMemoryEventStore>;
  beforeAll(async () => {
    t = await startTestApp({ store: sparseStore(), config: { bodyLimit: 8 * 1024 * 1024 } });
  });
  afterAll(async () => t?.close());

  it('refuses an article whose events exceed the store’s append limit with 413 naming it, writing nothing', async () => {
    const head = await t.store.headPosition();
    // About 800 000 characters, most of them multi-byte: under the article limit of 1 000 000, over 1 MiB as UTF-8.
    const text = article(200_000, 'Zürich —') + '“é”'.repeat(200_000);
    const res = await request(t.server).post('/articles').send({ text }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, limitBytes: EVENTSTOREDB_MAX_APPEND_BYTES });
    expect(res.body.message).toMatch(/accepts at most 1048576 bytes in one append\. Nothing was written/);
    expect(await t.store.headPosition()).toBe(head);
    // One that fits goes in.
    await request(t.server)
      .post('/articles')
      .send({ text: article(5_000, 'Oslo —') })
      .expect(201);
  });

  it('answers 410 for an article whose stream was deleted or truncated, not 500', async () => {
    const deleted = (
      await request(t.server)
        .post('/articles')
        .send({ text: article(100, 'Riga —') })
        .expect(201)
    ).body.articleId;
    const truncated = (
      await request(t.server)
        .post('/articles')
        .send({ text: article(100, 'Vilnius —') })
        .expect(201)
    ).body.articleId;
    t.store.deleteStream(`article-${deleted}`);
    t.store.truncateStream(`article-${truncated}`);
    for (const id of [deleted, truncated]) {
      const res = await request(t.server).get(`/articles/${id}/events`).expect(410);
      expect(res.body.message).toMatch(/is gone: its stream was (deleted|truncated)/);
    }
  });

  it('answers 503 with Retry-After while the store does not answer, and /health says unavailable', async () => {
    t.store.stopAnswering();
    try {
      const res = await request(t.server)
        .post('/articles')
        .send({ text: article(100, 'Tallinn —') })
        .expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.message).toMatch(/does not answer/);
      expect((await request(t.server).get('/health').expect(503)).body).toMatchObject({ status: 'unavailable', storeAnswers: false });
    } finally {
      t.store.stopAnswering(null);
    }
  });

  it('reports degraded while the read models reconnect after a drop, then ok with every event applied once', async () => {
    t.store.stopAnswering();
    t.store.dropSubscriptions();
    const down = (await request(t.server).get('/health').expect(503)).body;
    expect(down).toMatchObject({ status: 'unavailable', views: { state: 'reconnecting' } });
    t.store.stopAnswering(null);
    const created = await request(t.server)
      .post('/articles')
      .send({ text: article(100, 'Minsk —') })
      .expect(201);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const health = (await request(t.server).get('/health').expect(200)).body;
      const status = (await request(t.server).get('/projections').expect(200)).body;
      if (health.status === 'ok' && status.views.every((v: { behind: number }) => v.behind === 0)) {
        expect(status.following).toMatchObject({ state: 'following' });
        expect(status.following.reconnects).toBeGreaterThan(0);
        break;
      }
      expect(health.status).toBe('degraded');
      if (Date.now() > deadline) throw new Error('the read models did not follow again');
      await new Promise((r) => setTimeout(r, 20));
    }
    await request(t.server).get(`/articles/${created.body.articleId}`).expect(200);
  });
});
