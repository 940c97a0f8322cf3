// The desk in Chromium against the real service with the seeds (see desk-app.ts): correcting every
// field of a claim, naming an article without a headline, the timeline's two kinds of time, and the
// overview on a phone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { articleLead } from '../../src/domain/article-lead.js';
import { eventually, launchChromium, NARROW, WIDE } from './browser.js';
import { API_KEY, startDeskApp, type DeskApp } from './desk-app.js';

interface ApiClaim {
  claimId: string;
  articleId: string;
  recordedAt: string;
  source: { party: string | null; mention: string; cue: string; via: string | null };
  topics: string[];
  evidence: { text: string; start: number; end: number };
  article: { publishedAt: string | null };
}

// An article published long before the seeds were recorded, posted after them.
const OLD_WIRE =
  'title: Arctic talks\noutlet: Desk Wire\npublished: 2019-03-04\n\n' +
  'OSLO — Norway’s foreign ministry said on Tuesday it had invited Sweden’s prime minister to visit Oslo for talks on Arctic security. ' +
  'Finland accused Russia of violating its airspace, according to a statement from the Finnish defence ministry.';

/** What the page's checks use of `document` (the tests compile without the DOM library). */
interface BrowserDocument {
  documentElement: { scrollWidth: number };
  querySelector(s: string): { scrollWidth: number; clientWidth: number } | null;
}

describe('editing and reading on the desk in Chromium', () => {
  let t: DeskApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startDeskApp(), launchChromium()]);
    page = await (await browser.newContext({ viewport: WIDE })).newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The first write is answered 401 until the desk has asked for the key: an expected answer.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401/.test(m.text())) pageErrors.push(m.text());
    });
    page.on('dialog', (d) => void d.accept(API_KEY));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = (path: string) =>
    request(t.server)
      .get(path)
      .expect(200)
      .then((r) => r.body);
  const open = async (hash: string) => {
    await page.goto(`${t.url}/${hash}`);
    await page.locator('main h1, main h2').first().waitFor();
  };

  it('corrects a claim’s source, topics and evidence from the desk, and the claim shows them', async () => {
    const claims = (await api('/claims?limit=500')).items as ApiClaim[];
    const claim = claims.find((c) => c.source.party !== null && c.source.party !== 'china' && !c.topics.includes('trade'))!;
    expect(claim).toBeDefined();
    await open(`#/articles/${claim.articleId}?claim=${claim.claimId}`);
    const panel = page.locator('#claim-panel');
    await panel.getByRole('button', { name: 'Correct…' }).click();
    const form = panel.locator('form.edit-form');
    // The form opens on the claim as it stands.
    expect(await form.getByLabel('Source party id').inputValue()).toBe(claim.source.party);
    expect(await form.getByLabel('Source as named').inputValue()).toBe(claim.source.mention);
    for (const topic of claim.topics) expect(await form.getByLabel(topic, { exact: true }).isChecked()).toBe(true);

    await form.getByLabel('Source party id').fill('china');
    await form.getByLabel('Source as named').fill('Chinese officials');
    await form.getByLabel('Cue').fill('told');
    for (const topic of claim.topics) await form.getByLabel(topic, { exact: true }).uncheck();
    await form.getByLabel('trade', { exact: true }).check();
    // The evidence ends one character earlier; the preview quotes the body at the new offsets.
    await form.getByLabel('Ends before character').fill(String(claim.evidence.end - 1));
    expect(await form.getByLabel('evidence as it will be saved').textContent()).toBe(claim.evidence.text.slice(0, -1));
    await form.getByLabel('Reason').fill('the official spoke for Beijing, about trade');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await panel.locator('.ok', { hasText: 'Saved' }).waitFor();

    const now = (await api(`/claims/${claim.claimId}`)) as ApiClaim;
    expect(now.source).toEqual({ party: 'china', mention: 'Chinese officials', cue: 'told', via: claim.source.via });
    expect(now.topics).toEqual(['trade']);
    expect(now.evidence).toEqual({ ...claim.evidence, end: claim.evidence.end - 1, text: claim.evidence.text.slice(0, -1) });
    // The card the desk shows now names the new source and topic.
    const card = panel.locator(`[data-claim-id="${claim.claimId}"]`);
    await eventually(async () => expect(await card.locator('.source').textContent()).toContain('Chinese officials'));
    expect(await card.locator('.source a').getAttribute('href')).toBe('#/parties/china');
    expect(await card.textContent()).toContain('trade');
    const bySource = (await api('/claims?source=china&limit=500')).items as ApiClaim[];
    expect(bySource.map((c) => c.claimId)).toContain(claim.claimId);
  });

  it('names an article without a headline by its dateline and first words', async () => {
    const untitled = ((await api('/articles')).items as Array<{ articleId: string; title: string | null; dateline: string | null }>).find((a) => !a.title)!;
    expect(untitled?.dateline).toBe('ISLAMABAD');
    const { body } = await api(`/articles/${untitled.articleId}`);
    await open(`#/articles/${untitled.articleId}`);
    // The hash changes within the page: wait for this article's title, not the one shown before.
    await eventually(async () => expect(await page.locator('#article-title').textContent()).toBe(`ISLAMABAD — ${articleLead(body as string)}`));
    expect(await page.locator('#article-title').textContent()).toMatch(/^ISLAMABAD — Pakistan’s Foreign Ministry said it has formally invited .*…$/);
    await open('');
    const link = page.locator(`#article-list a[href="#/articles/${untitled.articleId}"]`);
    expect(await link.textContent()).toMatch(/^ISLAMABAD — /);
  });

  it('places claims by publication date while the as-of slider moves knowledge time', async () => {
    const before = (await api('/projections')).events as number;
    const created = await request(t.server).post('/articles').set(t.auth).send({ text: OLD_WIRE }).expect(201);
    const after = (await api('/projections')).events as number;
    const late = ((await api(`/claims?article=${created.body.articleId}`)).items as ApiClaim[]).map((c) => c.claimId);
    expect(late.length).toBeGreaterThan(0);

    await open('#/timeline');
    const days = page.locator('#timeline > li');
    await eventually(async () => expect(await days.first().locator('time').getAttribute('datetime')).toBe('2019-03-04'));
    // Recorded last, published first: its claims open the timeline, on the day the article gives.
    const first = (
      await days
        .first()
        .locator('[data-claim-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim-id')))
    ).sort();
    expect(first).toEqual([...late].sort());
    // Every claim sits on its article's publication day (the recording day when there is none).
    const all = (await api('/claims?limit=500')).items as ApiClaim[];
    for (const c of all.slice(0, 12)) {
      const placed = await page.locator(`#timeline [data-claim-id="${c.claimId}"]`).first().locator('xpath=ancestor::li[1]//time').getAttribute('datetime');
      expect(placed).toBe((c.article.publishedAt ?? c.recordedAt).slice(0, 10));
    }

    // Back to what the store held before the article arrived: its claims go, the others keep their days.
    const slider = page.locator('#as-of');
    await eventually(async () => expect(await slider.getAttribute('max')).toBe(String(after)));
    await slider.focus();
    for (let n = after; n > before; n--) await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await page.locator('#as-of-label').textContent()).toBe(`event ${before} of ${after}`));
    await eventually(async () => expect(await page.locator('#timeline time[datetime="2019-03-04"]').count()).toBe(0));
    const remaining = all.find((c) => !late.includes(c.claimId))!;
    const stays = page.locator(`#timeline [data-claim-id="${remaining.claimId}"]`).first().locator('xpath=ancestor::li[1]//time');
    expect(await stays.getAttribute('datetime')).toBe((remaining.article.publishedAt ?? remaining.recordedAt).slice(0, 10));
  });

  it('fits the overview, its parties table too, on a 390 px screen', async () => {
    await page.setViewportSize(NARROW);
    try {
      await open('');
      await page.locator('#party-table tbody tr').first().waitFor();
      const widths = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: BrowserDocument }).document;
        const wrap = doc.querySelector('.table-wrap:has(#party-table)')!;
        return { page: doc.documentElement.scrollWidth, table: wrap.scrollWidth, room: wrap.clientWidth };
      });
      expect(widths.page).toBeLessThanOrEqual(NARROW.width);
      // Not merely scrolling inside its own box: the table is no wider than the room it has.
      expect(widths.table).toBeLessThanOrEqual(widths.room);
      expect(await page.locator('#party-table td[data-label="Cited as source"]').first().isVisible()).toBe(true);
    } finally {
      await page.setViewportSize(WIDE);
    }
  });

  it('raised no script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
