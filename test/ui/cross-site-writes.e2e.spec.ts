// Cross-site writes, as a browser makes them: a page on a second loopback origin auto-submits
// forms to the service (no API_KEY, as on an analyst's laptop) and fires a no-cors fetch at the
// rebuild. None may write; the forms' answers say why.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { launchChromium } from './browser.js';

const form = (action: string, enctype: string, name: string, value: string) => `<!doctype html><body>
<form id="f" method="POST" action="${action}" enctype="${enctype}"><input name='${name}' value='${value}'></form>
<script>document.getElementById('f').submit()</script></body>`;

/** `text/plain` forms send `name=value`: split so the body reads as JSON, the classic trick. */
const JSON_AS_TEXT = { name: '{"text":"Ruritania pledged to open the border.","x":"', value: '"}' };

describe('writes from another origin, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let attacker: http.Server;
  let service: string;
  let attackerPort: number;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    service = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
    const pages: Record<string, string> = {
      '/form': form(`${service}/articles`, 'application/x-www-form-urlencoded', 'text', 'Ruritania pledged to open the border.'),
      '/text-form': form(`${service}/articles`, 'text/plain', JSON_AS_TEXT.name, JSON_AS_TEXT.value),
      '/fetch': `<!doctype html>' +
      '<script>fetch('${service}/projections/rebuild', { method: 'POST', mode: 'no-cors' }).finally(() => { document.title = 'sent' })</script>`,
    };
    attacker = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pages[req.url ?? ''] ?? ''));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerPort = (attacker.address() as AddressInfo).port;
    page = await (await browser.newContext()).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    attacker?.close();
    await t?.close();
  });

  // 127.0.0.1 on another port is same-site but cross-origin; localhost is another site altogether.
  const origins = () => [`http://127.0.0.1:${attackerPort}`, `http://localhost:${attackerPort}`];

  it.each([
    ['an HTML form', '/form'],
    ['a text/plain form shaped as JSON', '/text-form'],
  ])('%s posted from a second loopback origin is refused and writes nothing', async (_, path) => {
    for (const origin of origins()) {
      await Promise.all([page.waitForURL(`${service}/articles`), page.goto(`${origin}${path}`)]);
      const answer = JSON.parse(await page.locator('body').innerText()) as { statusCode: number; message: string };
      expect(answer.statusCode).toBe(403);
      expect(answer.message).toMatch(/cross-origin/i);
    }
    expect(await t.store.headPosition()).toBe(-1n);
  });

  it('a no-cors fetch from another origin starts no rebuild', async () => {
    for (const origin of origins()) {
      await page.goto(`${origin}/fetch`);
      await page.waitForFunction(() => (globalThis as unknown as { document: { title: string } }).document.title === 'sent');
    }
    const views = (await request(t.server).get('/projections').expect(200)).body.views as Array<{ lastRebuild: unknown; rebuilding: unknown }>;
    expect(views.every((v) => v.lastRebuild === null && !v.rebuilding)).toBe(true);
  });

  it('the desk’s own origin still writes', async () => {
    await page.goto(`${service}/health`);
    const status = await page.evaluate(
      async () =>
        (await fetch('/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Genovia pledged calm.' }) }))
          .status,
    );
    expect(status).toBe(201);
  });
});
