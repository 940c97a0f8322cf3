// `ingest` on a folder of what analysts have: saved web pages, a JSON Lines export, a JSON array.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { html, startLoopbackSite } from '../support/loopback-site.js';

const CLI = 'dist/cli/main.js';

describe('ingest CLI on web pages and news-API exports', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-inputs-'));
    const folder = join(dir, 'news');
    mkdirSync(folder);
    copyFileSync('test/inputs/pages/wire-story.html', join(folder, 'a-story.html'));
    writeFileSync(
      join(folder, 'b-export.jsonl'),
      [
        JSON.stringify({
          text: 'KYIV — Ukraine pledged to restore power lines in the east by winter, the energy minister said on Monday.',
          title: 'Power',
          outlet: 'Wire',
          publishedAt: '2025-11-03',
        }),
        'not json',
        JSON.stringify({
          html:
            '<html><body><article><p>Genovia pledged to reopen its embassy in the capital next month, ' +
            'its foreign ministry said on Friday evening.</p></article></body></html>',
          url: 'https://example.org/genovia',
        }),
        JSON.stringify({ title: 'no body at all' }),
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'c-export.json'),
      JSON.stringify([{ text: 'Ruritania pledged to fund the new school in the border town, the ministry said in a statement.' }]),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ingest = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'ingest', ...args], { env: { ...process.env, DATA_DIR: join(dir, 'data') }, encoding: 'utf8' });
  const ingestAllowing = (hosts: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      // Asynchronous: the loopback site answers from this process while the CLI waits on it.
      const child = spawn(process.execPath, [CLI, 'ingest', ...args], { env: { ...process.env, DATA_DIR: join(dir, 'url-data'), FETCH_ALLOW_HOSTS: hosts } });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('close', (status) => resolve({ status, stdout }));
    });

  it('ingests the page and every good record; bad records are reported with file and line, the run exits 1', async () => {
    const run = ingest(join(dir, 'news'), '--json');
    expect(run.status).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ created: 4, existing: 0 });
    expect(summary.failed).toEqual([
      { file: expect.stringMatching(/b-export\.jsonl:2$/), reason: expect.stringMatching(/^not JSON/) },
      { file: expect.stringMatching(/b-export\.jsonl:4$/), reason: expect.stringMatching(/as text .*as html/) },
    ]);
    const store = new SqliteEventStore(join(dir, 'data', 'claimtrail.sqlite'));
    try {
      const ingested = (await store.readAll({ streamPrefix: 'article-' }))
        .filter((e) => e.type === 'ArticleIngested')
        .map((e) => e.data as Record<string, unknown>);
      // Found by what they hold: with several extraction workers, a window's articles reach the log as their extraction ends.
      const holding = (start: string) => ingested.find((a) => String(a.body).startsWith(start));
      expect(ingested.map((a) => a.title).sort()).toEqual(['Power', 'Talks resume', null, null]);
      expect(ingested.find((a) => a.title === 'Talks resume')).toMatchObject({ outlet: 'The Daily Wire', byline: 'Jane Doe' });
      expect(holding('Ukraine pledged')).toMatchObject({ title: 'Power', outlet: 'Wire', publishedAt: '2025-11-03', dateline: 'KYIV' });
      expect(holding('Genovia pledged')).toMatchObject({ url: 'https://example.org/genovia' });
      expect(holding('Ruritania pledged to fund')).toMatchObject({ title: null });
    } finally {
      await store.close();
    }
    const again = ingest(join(dir, 'news'));
    expect(again.stdout).toMatch(/^0 new, 4 already present, 2 failed/);
  });

  it('ingest <url> fetches the page; without the host allowed, the loopback address is refused and named', async () => {
    const site = await startLoopbackSite({ '/story': html(readFileSync('test/inputs/pages/wire-story.html', 'utf8')) });
    try {
      const refused = await ingestAllowing('', `${site.origin}/story`, '--json');
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.stdout).failed).toEqual([
        { file: `${site.origin}/story`, reason: expect.stringMatching(/refused to fetch .*127\.0\.0\.1 is a private/) },
      ]);
      const fetched = await ingestAllowing(site.hostPort, `${site.origin}/story`, '--json');
      expect(fetched.status).toBe(0);
      expect(JSON.parse(fetched.stdout)).toMatchObject({ created: 1, failed: [] });
    } finally {
      await site.close();
    }
  });
});
