// POST /articles {url} against a loopback site, with the private-address guard on for everything
// but that site: redirects, slow and oversized answers, other content types, charsets, refusals.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { html, startLoopbackSite, type LoopbackSite } from '../support/loopback-site.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const page = readFileSync('test/inputs/pages/wire-story.html', 'utf8');
const story = (sentence: string) =>
  `<html><body><article><p>${sentence} ${'Officials in the capital confirmed the plan on Monday evening. '.repeat(3)}</p></article></body></html>`;

describe('POST /articles with a url', () => {
  let site: LoopbackSite;
  let t: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    site = await startLoopbackSite({
      '/story': html(page),
      '/hop1': (_, res) => void res.writeHead(301, { location: '/hop2' }).end(),
      '/hop2': (_, res) => void res.writeHead(302, { location: '/story' }).end(),
      '/loop': (_, res) => void res.writeHead(302, { location: '/loop' }).end(),
      '/to-metadata': (_, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/slow': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
        setTimeout(() => res.end('</body></html>'), 5_000).unref();
      },
      '/huge': (_, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>' + 'x'.repeat(300_000) + '</p>');
      },
      '/pdf': (_, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
      '/gone': (_, res) => void res.writeHead(410, { 'content-type': 'text/html' }).end('gone'),
      '/nav-only': html('<html><body><nav><a href="/">Home</a></nav></body></html>'),
      '/latin1': (_, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
          // 0x93 and 0x94 are curly quotes in windows-1252, control characters in ISO-8859-1.
          .end(Buffer.from(story('The caf\u00e9 owners of Montr\u00e9al pledged \x93full support\x94 to the strikers.'), 'latin1')),
      '/meta-charset': (_, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            Buffer.concat([
              Buffer.from('<html><head><meta charset="iso-8859-1"></head>'),
              Buffer.from(story('Z\u00fcrich pledged new funds for the na\u00efve plan.').replace('<html>', ''), 'latin1'),
            ]),
          ),
    });
    const fetch = { ...loadConfig({}).fetch, allowHosts: [site.hostPort], timeoutMs: 1_000, maxBytes: 200_000, maxRedirects: 3 };
    t = await startTestApp({ extractor: pledgeExtractor, config: { fetch } });
    open = await startTestApp({ extractor: pledgeExtractor });
  });
  afterAll(async () => {
    await Promise.all([t.close(), open.close()]);
    await site.close();
  });

  const post = (app: TestApp, url: string) => request(app.server).post('/articles').send({ url });

  it('fetches the page, follows redirects, and records where it came from', async () => {
    const res = await post(t, `${site.origin}/hop1`).expect(201);
    const ingested = (await request(t.server).get(`/articles/${res.body.articleId}/events`)).body.events[0].data;
    expect(ingested).toMatchObject({ title: 'Talks resume', outlet: 'The Daily Wire', url: `${site.origin}/a/1` });
    expect(res.body.claims).toBe(1);
  });

  it('decodes the charset the header or the page declares', async () => {
    const a = await post(t, `${site.origin}/latin1`).expect(201);
    expect((await request(t.server).get(`/articles/${a.body.articleId}`)).body.body).toContain(
      'The caf\u00e9 owners of Montr\u00e9al pledged \u201cfull support\u201d',
    );
    const b = await post(t, `${site.origin}/meta-charset`).expect(201);
    expect((await request(t.server).get(`/articles/${b.body.articleId}`)).body.body).toContain('Z\u00fcrich pledged new funds for the na\u00efve plan.');
  });

  it('upstream failures are 502 with the reason; a page with no story 422; nothing written', async () => {
    const before = await t.store.headPosition();
    const cases: Array<[string, number, RegExp]> = [
      ['/loop', 502, /more than 3 redirects/],
      ['/slow', 502, /no complete answer within 1000 ms/],
      ['/huge', 502, /larger than the 200000 bytes|is 300007 bytes/],
      ['/pdf', 502, /answered application\/pdf, not one of text\/html/],
      ['/gone', 502, /answered 410/],
      ['/missing', 502, /answered 404/],
      ['/nav-only', 422, /no article text/],
    ];
    for (const [path, status, message] of cases) {
      const res = await post(t, `${site.origin}${path}`);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.body.message).toMatch(message);
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it('a redirect to the metadata address, or to another loopback port, is refused with a 400', async () => {
    const metadata = await post(t, `${site.origin}/to-metadata`).expect(400);
    expect(metadata.body.message).toMatch(/169\.254\.169\.254 is a private, loopback, link-local or reserved address/);
    site.routes.set('/to-other-port', (_, res) => void res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end());
    await post(t, `${site.origin}/to-other-port`).expect(400);
  });

  it('the default configuration refuses loopback, metadata and private addresses, by literal and after DNS', async () => {
    const storyRequests = site.requests.filter((r) => r.path === '/story').length;
    for (const url of [
      `${site.origin}/story`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[::1]:80/',
      'http://[fd00::1]/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      const res = await post(open, url);
      expect([url, res.status]).toEqual([url, 400]);
    }
    const byName = await post(open, `http://localhost:${site.hostPort.split(':')[1]}/story`).expect(400);
    expect(byName.body.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1) is a private/);
    await request(open.server).post('/articles').send({ url: 'file:///etc/passwd' }).expect(400);
    expect(site.requests.filter((r) => r.path === '/story')).toHaveLength(storyRequests);
  });
});
