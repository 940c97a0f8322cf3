// Pages of the log read "after a position", as the syndication catch-up, the stored rebuild and
// replays read them: a page near the head must cost what a page near the start does. Given two
// lower bounds on the rowid, SQLite had ranged on the unused one and read every event before the
// page (385 ms a page at 900 000 events, found on the million-event run). And a prefix of few
// events beside many (the feeds'), which on the rowid had walked the whole log at each feed tick.
import { FEED_STREAM_PREFIX } from '../src/domain/feeds/feed-events.js';
import { ARTICLE_STREAM_PREFIX } from '../src/domain/ids.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import type { BenchOptions } from './main.js';
import { ratio, report } from './results.js';

const PAGE = 100;
const PAGES = 50;

/** Mean ms of a page read after each of PAGES positions from `first`. */
const pageMs = async (store: SqliteEventStore, first: bigint): Promise<number> => {
  const started = performance.now();
  for (let i = 0n; i < BigInt(PAGES); i++) await store.readAll({ after: first + i * BigInt(PAGE), maxCount: PAGE, streamPrefix: ARTICLE_STREAM_PREFIX });
  return (performance.now() - started) / PAGES;
};

/** Mean ms of reading every event of a prefix that has none (the feeds' in a store of articles only). */
const rarePrefixMs = async (store: SqliteEventStore): Promise<number> => {
  const started = performance.now();
  for (let i = 0; i < PAGES; i++) await store.readAll({ maxCount: 1000, streamPrefix: FEED_STREAM_PREFIX });
  return (performance.now() - started) / PAGES;
};

export const logPagesBench = async ({ store: file }: Pick<BenchOptions, 'store'>) => {
  const store = new SqliteEventStore(file!);
  const head = await store.headPosition();
  const nearStart = await pageMs(store, 0n);
  const nearHead = await pageMs(store, head - BigInt(PAGE * (PAGES + 1)));
  const feeds = await rarePrefixMs(store);
  await store.close();
  report({
    bench: 'log-pages',
    params: { events: Number(head), pageSize: PAGE, pages: PAGES },
    figures: [
      { name: 'a page after a position near the start', value: nearStart, unit: 'ms' },
      { name: 'a page after a position near the head', value: nearHead, unit: 'ms' },
      { name: "every feed event (none among the articles'), as the feed scheduler lists them", value: feeds, unit: 'ms' },
    ],
    ratios: [
      ratio('near the head / near the start', nearHead / nearStart, 2, 'at most'),
      // A prefix with no events costs at most a page of the log, not a walk of all of it.
      ratio('the feeds / a page near the start', feeds / nearStart, 2, 'at most'),
    ],
  });
};
