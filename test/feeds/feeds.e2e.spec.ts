// Feeds end to end against a loopback site: subscription, conditional polls, items that change
// between polls, the three formats, failures with backoff, the scheduler, unsubscription, the guard.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ServerResponse, IncomingMessage } from 'node:http';
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { FeedScheduler } from '../../src/feeds/feed-scheduler.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { html, startLoopbackSite, type LoopbackSite } from '../support/loopback-site.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { atom, rdf, rss, storyHtml, type TestItem } from './feed-docs.js';

/** A feed route with an ETag: a request carrying the current one gets a 304. */
const feedRoute =
  (doc: () => string, type = 'application/rss+xml') =>
  (req: IncomingMessage, res: ServerResponse) => {
    const body = doc();
    const etag = `"${Buffer.from(body).length}-${body.length % 997}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, etag }).end(body);
  };

describe('feeds', () => {
  let site: LoopbackSite;
  let t: TestApp;
  let guarded: TestApp;
  let items: TestItem[];
  let broken = false;

  beforeAll(async () => {
    site = await startLoopbackSite();
    items = [
      { id: 'a', title: 'Carried', link: `${site.origin}/a`, content: storyHtml('Ruritania pledged to reopen the border crossing by June.') },
      { id: 'b', title: 'Linked', link: `${site.origin}/b` },
    ];
    site.routes.set(
      '/b',
      html(
        `<html><head><meta property="og:site_name" content="Wire"></head>` +
          `<body><article>${storyHtml('Genovia pledged new funds for the port.')}</article></body></html>`,
      ),
    );
    site.routes.set('/c', html(`<html><body><article>${storyHtml('Zubrowka pledged calm along the river.')}</article></body></html>`));
    site.routes.set(
      '/rss',
      feedRoute(() => rss(items)),
    );
    site.routes.set(
      '/atom',
      feedRoute(
        () => atom([{ id: 'urn:x', title: 'Atom', link: `${site.origin}/x`, content: storyHtml('Freedonia pledged to hold the election on time.') }]),
        'application/atom+xml',
      ),
    );
    site.routes.set(
      '/rdf',
      feedRoute(() => rdf([{ id: 'c', title: 'RDF', link: `${site.origin}/c` }]), 'application/rdf+xml'),
    );
    site.routes.set('/flaky', (req, res) => (broken ? void res.writeHead(500).end('down') : feedRoute(() => rss([]))(req, res)));
    site.routes.set('/page', html('<html><body><p>not a feed</p></body></html>'));
    const fetch = { ...loadConfig({}).fetch, allowHosts: [site.hostPort] };
    t = await startTestApp({ extractor: pledgeExtractor, config: { fetch, feedTickMs: 0 } });
    guarded = await startTestApp({ extractor: pledgeExtractor, config: { feedTickMs: 0 } });
  });
  afterAll(async () => {
    await Promise.all([t.close(), guarded.close()]);
    await site.close();
  });

  let feedId: string;

  it('POST /feeds subscribes and polls at once: carried content and linked pages are ingested', async () => {
    const res = await request(t.server)
      .post('/feeds')
      .send({ url: `${site.origin}/rss`, intervalMinutes: 5 })
      .expect(201);
    feedId = res.body.feedId;
    expect(res.body).toMatchObject({ state: 'active', polls: 1, itemsIngested: 2, lastPoll: { status: 200, itemsSeen: 2, ingested: 2, failedItems: [] } });
    const one = await request(t.server).get(`/feeds/${feedId}`).expect(200);
    expect(one.body.items.map((i: { key: string }) => i.key)).toEqual(['a', 'b']);
    const article = await request(t.server).get(`/articles/${one.body.items[1].articleId}`).expect(200);
    expect(article.body).toMatchObject({ title: 'Linked', outlet: 'Wire' });
    expect((await request(t.server).get('/feeds')).body.feeds.map((f: { feedId: string }) => f.feedId)).toEqual([feedId]);
    await request(t.server)
      .post('/feeds')
      .send({ url: `${site.origin}/rss` })
      .expect(200);
  });

  it('polls with the ETag (304: nothing ingested) and ingests only the items that are new', async () => {
    const unchanged = await request(t.server).post(`/feeds/${feedId}/poll`).expect(200);
    expect(unchanged.body.lastPoll).toMatchObject({ status: 304, ingested: 0 });
    expect(site.requests.filter((r) => r.path === '/rss').at(-1)!.ifNoneMatch).toMatch(/^"/);
    items.push({ id: 'c', title: 'New', link: `${site.origin}/c` });
    const before = await t.store.headPosition();
    const changed = await request(t.server).post(`/feeds/${feedId}/poll`).expect(200);
    expect(changed.body.lastPoll).toMatchObject({ status: 200, itemsSeen: 3, ingested: 1 });
    const written = await t.store.readAll({ after: before, streamPrefix: 'article-' });
    expect(written.filter((e) => e.type === 'ArticleIngested')).toHaveLength(1);
  });

  it('reads Atom and RDF feeds too; the same article from two feeds is one article', async () => {
    const a = await request(t.server)
      .post('/feeds')
      .send({ url: `${site.origin}/atom` })
      .expect(201);
    expect(a.body.lastPoll).toMatchObject({ ingested: 1 });
    const r = await request(t.server)
      .post('/feeds')
      .send({ url: `${site.origin}/rdf` })
      .expect(201);
    expect(r.body.lastPoll).toMatchObject({ ingested: 1 });
    const events = await request(t.server).get(`/feeds/${r.body.feedId}`);
    const fromRss = (await request(t.server).get(`/feeds/${feedId}`)).body.items.find((i: { key: string }) => i.key === 'c');
    expect(events.body.items[0].articleId).toBe(fromRss.articleId);
  });

  it('a withdrawn article arriving again, as a new feed item or by its URL, is refused naming the withdrawal; with force, by URL, it is back', async () => {
    const feed = (await request(t.server).get(`/feeds/${feedId}`).expect(200)).body;
    const { articleId } = feed.items.find((i: { key: string }) => i.key === 'b');
    await request(t.server).delete(`/articles/${articleId}`).send({ reason: 'syndicated without permission' }).expect(200);
    items.push({ id: 'b-again', title: 'Linked, republished', link: `${site.origin}/b` });
    const before = await t.store.headPosition();
    const polled = await request(t.server).post(`/feeds/${feedId}/poll`).expect(200);
    expect(polled.body.lastPoll).toMatchObject({
      ingested: 0,
      failedItems: [{ key: 'b-again', reason: expect.stringMatching(/was withdrawn at .*reason: syndicated without permission/) }],
    });
    expect(await t.store.readAll({ after: before, streamPrefix: 'article-' })).toEqual([]);
    const byUrl = await request(t.server)
      .post('/articles')
      .send({ url: `${site.origin}/b` })
      .expect(409);
    expect(byUrl.body.message).toMatch(/was withdrawn at .*syndicated without permission.*force: true/);
    const forced = await request(t.server)
      .post('/articles')
      .send({ url: `${site.origin}/b`, force: true })
      .expect(201);
    expect(forced.body).toMatchObject({ articleId, reinstated: true });
    await request(t.server).get(`/articles/${articleId}`).expect(200);
  });

  it('a failing feed records why and backs off; the scheduler polls what is due; DELETE unsubscribes', async () => {
    const flaky = await request(t.server)
      .post('/feeds')
      .send({ url: `${site.origin}/flaky`, intervalMinutes: 10 })
      .expect(201);
    broken = true;
    const failed = await request(t.server).post(`/feeds/${flaky.body.feedId}/poll`).expect(200);
    expect(failed.body).toMatchObject({ state: 'failing', failures: 1, lastError: { reason: expect.stringMatching(/answered 500/) } });
    const wait = Date.parse(failed.body.nextPollAt) - Date.parse(failed.body.lastError.at);
    expect(wait).toBe(2 * 10 * 60_000);
    broken = false;
    const polls = site.requests.filter((r) => r.path === '/flaky').length;
    await t.app.get(FeedScheduler).tick(new Date(Date.now() + 21 * 60_000));
    expect(site.requests.filter((r) => r.path === '/flaky').length).toBe(polls + 1);
    expect((await request(t.server).get(`/feeds/${flaky.body.feedId}`)).body).toMatchObject({ state: 'active', failures: 0 });
    const removed = await request(t.server).delete(`/feeds/${flaky.body.feedId}`).expect(200);
    expect(removed.body.state).toBe('unsubscribed');
    await request(t.server).post(`/feeds/${flaky.body.feedId}/poll`).expect(404);
    const history = await t.store.readStream(`feed-${flaky.body.feedId}`);
    expect(history.map((e) => e.type)).toEqual(['FeedSubscribed', 'FeedPolled', 'FeedPollFailed', 'FeedPolled', 'FeedUnsubscribed']);
  });

  it('refuses a private address by default (400), a page that is no feed (422), bad bodies (400); nothing written', async () => {
    const before = await guarded.store.headPosition();
    const refused = await request(guarded.server)
      .post('/feeds')
      .send({ url: `${site.origin}/rss` })
      .expect(400);
    expect(refused.body.message).toMatch(/127\.0\.0\.1 is a private/);
    await request(guarded.server).post('/feeds').send({ url: 'http://169.254.169.254/feed' }).expect(400);
    await request(guarded.server)
      .post('/feeds')
      .send({ url: `${site.origin}/rss`, intervalMinutes: 0 })
      .expect(400);
    await request(guarded.server).post('/feeds').send({ url: 'ftp://x/feed' }).expect(400);
    expect(await guarded.store.headPosition()).toBe(before);
    const notFeed = await request(t.server)
      .post('/feeds')
      .send({ url: `${site.origin}/page` });
    expect([notFeed.status, notFeed.body.message]).toEqual([502, expect.stringMatching(/text\/html, not one of application\/rss\+xml/)]);
    await request(t.server).get('/feeds/0000000000000000').expect(404);
    await request(t.server).get('/feeds/nope').expect(404);
  });
});
