// `feeds poll` killed with SIGKILL in the middle of a poll, then run again: every item is ingested
// exactly once, and the feed's history names each item once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { requireBuild, runCli } from '../reliability/processes.js';
import { startLoopbackSite, type LoopbackSite } from '../support/loopback-site.js';
import { rss, storyHtml, type TestItem } from './feed-docs.js';

const ITEMS = 30;

describe('a feed poll killed with SIGKILL', () => {
  let dir: string;
  let site: LoopbackSite;
  let items: TestItem[] = [];
  let pagesServed = 0;
  beforeAll(async () => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-feed-crash-'));
    site = await startLoopbackSite({
      '/feed': (_, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(items)),
    });
    for (let i = 0; i < ITEMS; i++) {
      // Slow pages, so the kill lands in the middle of the poll.
      site.routes.set(
        `/story/${i}`,
        (_, res) =>
          void setTimeout(() => {
            pagesServed++;
            res
              .writeHead(200, { 'content-type': 'text/html' })
              .end(`<html><body><article>${storyHtml(`Country ${i} pledged to build road number ${i} by spring.`)}</article></body></html>`);
          }, 40),
      );
    }
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({ DATA_DIR: join(dir, 'data'), FETCH_ALLOW_HOSTS: site.hostPort });

  it('resumes without a duplicate article or a duplicate item in the feed history', async () => {
    const added = await runCli(['feeds', 'add', `${site.origin}/feed`], env());
    expect(added.code).toBe(0);
    const feedId = /subscribed: ([0-9a-f]{16})/.exec(added.stdout)![1];
    items = Array.from({ length: ITEMS }, (_, i) => ({ id: `item-${i}`, title: `Road ${i}`, link: `${site.origin}/story/${i}` }));

    const killed = await runCli(['feeds', 'poll', feedId], env(), () => pagesServed >= 8);
    expect(killed.signal).toBe('SIGKILL');
    const servedAtKill = pagesServed;
    expect(servedAtKill).toBeLessThan(ITEMS);

    const resumed = await runCli(['feeds', 'poll', feedId, '--json'], env());
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)[0]).toMatchObject({ itemsIngested: ITEMS, lastPoll: { ingested: ITEMS, failedItems: [] } });
    const again = await runCli(['feeds', 'poll', feedId, '--json'], env());
    expect(JSON.parse(again.stdout)[0].lastPoll).toMatchObject({ itemsSeen: ITEMS, ingested: 0 });

    const store = new SqliteEventStore(join(dir, 'data', 'claimtrail.sqlite'));
    try {
      const articles = (await store.readAll({ streamPrefix: 'article-' })).filter((e) => e.type === 'ArticleIngested');
      expect(articles).toHaveLength(ITEMS);
      expect(new Set(articles.map((e) => e.streamName)).size).toBe(ITEMS);
      const polled = (await store.readStream(`feed-${feedId}`)).filter((e) => e.type === 'FeedPolled');
      const keys = polled.flatMap((e) => (e.data as { ingested: Array<{ key: string }> }).ingested.map((i) => i.key));
      expect(keys).toHaveLength(ITEMS);
      expect(new Set(keys).size).toBe(ITEMS);
    } finally {
      await store.close();
    }
  }, 120_000);
});
