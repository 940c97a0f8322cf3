// Stored HTML injection through a party id: the REST layer refuses such ids now, but events written
// before the party-id grammar keep theirs, and the party page's matrix tooltip must show them as text.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { claimEvent, newCommandContext, toAppend } from '../../src/domain/events/index.js';
import { articleStream } from '../../src/domain/ids.js';
import { uiRoot } from '../../src/ui/ui-root.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, launchChromium, WIDE } from './browser.js';

const SENTENCE = 'Ruritania pledged to reopen the port.';
/** Markup that, parsed as HTML, leaves elements a test can look for. */
const HOSTILE_PARTY = '<img id="injected-img" src="x"><b id="injected-b">bold</b>';

interface PageDocument { querySelector(selector: string): unknown; querySelectorAll(selector: string): { length: number } }

describe('the party page’s matrix tooltip in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    if (!uiRoot()) throw new Error('No UI bundle at dist/public/index.html: run `npm run build` (npm test does it first).');
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const address = t.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
    url = `http://127.0.0.1:${address.port}`;
    const { articleId, revision } = (await request(t.server).post('/articles').send({ text: SENTENCE }).expect(201)).body;
    // A claim as an older version stored it, with a party id no request can carry any more.
    const event = claimEvent({
      type: 'PledgeMade', claimId: `${articleId}-0123456789ab`, articleId, recordedBy: 'analyst:legacy',
      actors: [{ party: 'ruritania', mention: 'Ruritania' }], targets: [{ party: HOSTILE_PARTY, mention: 'the port' }],
      content: 'reopen the port', source: { party: null, mention: '', cue: '', via: null },
      evidence: { text: SENTENCE, start: 0, end: SENTENCE.length }, hedged: false, polarity: 'asserted', topics: [],
    });
    await t.store.append(articleStream(articleId), toAppend([event], newCommandContext(), BigInt(revision) + 1n), BigInt(revision));
    page = await (await browser.newContext({ viewport: WIDE })).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows a party id holding markup as text when the matrix is hovered, and adds no element', async () => {
    await eventually(async () => expect((await request(t.server).get('/parties/ruritania')).status).toBe(200));
    await page.goto(`${url}/#/parties/ruritania`);
    const chart = page.locator('#party-matrix');
    await chart.locator('canvas').first().waitFor();
    // One actor and one target: the heatmap's single cell fills the plot, so its middle is on the cell.
    const box = (await chart.boundingBox())!;
    const tooltip = chart.locator('div', { hasText: 'claim(s)' }).last();
    await eventually(async () => {
      await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 - 10);
      await page.mouse.move(box.x + box.width / 2 + 24, box.y + box.height / 2 - 14);
      expect(await tooltip.isVisible()).toBe(true);
    });
    expect(await tooltip.textContent()).toContain(`ruritania → ${HOSTILE_PARTY}: 1 claim(s)`);
    const injected = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      return doc.querySelectorAll('#injected-img, #injected-b').length;
    });
    expect(injected).toBe(0);
  });
});
