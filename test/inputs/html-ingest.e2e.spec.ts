// A web page posted as `html`: the story reaches the extractor as paragraphs, the page's metadata
// reaches ArticleIngested, and no page, however broken, gets a 500 or writes on a refusal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const page = readFileSync('test/inputs/pages/wire-story.html', 'utf8');

describe('POST /articles with html', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Shrinking a counterexample sends hundreds of writes: the write rate limit must not answer for the property.
    t = await startTestApp({ extractor: pledgeExtractor, config: { writeRateLimit: 1_000_000 } });
  });
  afterAll(async () => t.close());

  it('ingests the story with the page metadata; evidence offsets point into the stored body', async () => {
    const res = await request(t.server).post('/articles').send({ html: page, url: 'https://example.org/world/talks' }).expect(201);
    expect(res.body.claims).toBe(1);
    const events = (await request(t.server).get(`/articles/${res.body.articleId}/events`).expect(200)).body.events;
    const ingested = events[0].data;
    expect(ingested).toMatchObject({
      title: 'Talks resume',
      outlet: 'The Daily Wire',
      byline: 'Jane Doe',
      language: 'en-GB',
      publishedAt: '2025-05-21T08:00:00.000Z',
      url: 'https://example.org/a/1',
    });
    expect(ingested.body).not.toMatch(/cookies|caption|Read more|Home/);
    expect(ingested.body.split('\n\n')).toHaveLength(2);
    const { evidence } = events[1].data;
    expect(ingested.body.slice(evidence.start, evidence.end)).toBe(evidence.text);
    const view = await request(t.server).get(`/articles/${res.body.articleId}`).expect(200);
    expect(view.body).toMatchObject({ title: 'Talks resume', outlet: 'The Daily Wire' });
  });

  it('the same story again (another page around it) is the same article: 200, nothing written', async () => {
    const before = await t.store.headPosition();
    const other = page.replace('The Daily Wire', 'Another Site').replace('<nav>', '<nav><a>Sport</a>');
    const res = await request(t.server).post('/articles').send({ html: other }).expect(200);
    expect(res.body.created).toBe(false);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('a page with no article text is a 422; text and html together, or neither, a 400; nothing written', async () => {
    const before = await t.store.headPosition();
    const empty = await request(t.server).post('/articles').send({ html: '<html><body><nav>Home</nav><script>alert(1)</script></body></html>' }).expect(422);
    expect(empty.body.message).toMatch(/no article text/);
    const both = await request(t.server).post('/articles').send({ html: page, text: 'Ruritania pledged.' }).expect(400);
    expect(JSON.stringify(both.body.message)).toMatch(/not text and html both/);
    await request(t.server).post('/articles').send({ title: 'nothing' }).expect(400);
    await request(t.server).post('/articles').send({ html: 42 }).expect(400);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('malformed markup, scripts and huge pages: a 2xx or a 4xx with a message, never a 500', async () => {
    const fragment = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<div class="cookie">',
        '</div>',
        '<script>',
        '</script>',
        '<!--',
        '-->',
        '<article>',
        '<nav>',
        '<![CDATA[',
        '<p>Ruritania pledged to reopen the border crossing by June, officials said on Tuesday.</p>',
        '<table><tr><td>',
        '&amp;',
        '&#0;',
        '\u0000',
        '<svg onload=x>',
        '<html lang="x">',
      ),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    const html = fc.oneof(
      fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
      fc.constantFrom(60, 300, 5_000, 40_000).map((n) => '<div>'.repeat(n) + '<p>Ruritania pledged aid to the region, officials said.</p>'),
      fc
        .integer({ min: 1, max: 3 })
        .map(
          (n) =>
            `<html><body><article>${'<p>Genovia pledged to reopen talks with its neighbours, the ministry said.</p>'.repeat(5000 * n)}</article></body></html>`,
        ),
    );
    await fc.assert(
      fc.asyncProperty(html, async (body) => {
        const before = await t.store.headPosition();
        const res = await request(t.server).post('/articles').send({ html: body });
        expect([200, 201, 400, 413, 422]).toContain(res.status);
        if (res.status >= 400) {
          expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
          expect(await t.store.headPosition()).toBe(before);
        }
      }),
      { numRuns: 40, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    await request(t.server).get('/health').expect(200);
  }, 120_000);
});
