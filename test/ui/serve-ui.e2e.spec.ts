// The desk is served by the service itself, same origin, under a strict CSP, without shadowing the API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { uiRoot } from '../../src/ui/ui-root.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('serving the desk at /', () => {
  let t: TestApp;

  beforeAll(async () => {
    if (!uiRoot()) throw new Error('No UI bundle at dist/public/index.html: run `npm run build` (npm test does it first).');
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers / with the page, whose scripts and styles come from this origin only', async () => {
    const page = await request(t.server).get('/').expect(200).expect('content-type', /text\/html/);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const assets = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) await request(t.server).get(asset).expect(200);
    expect(page.text).not.toMatch(/https?:\/\//); // nothing from a CDN
  });

  it('keeps API routes first and answers unknown paths with the JSON 404', async () => {
    const articles = await request(t.server).get('/articles').expect(200).expect('content-type', /application\/json/);
    expect(articles.body).toMatchObject({ items: [], total: 0 });
    const missing = await request(t.server).get('/no-such-page').expect(404).expect('content-type', /application\/json/);
    expect(missing.body.statusCode).toBe(404);
    await request(t.server).get('/docs-json').expect(200);
  });
});
