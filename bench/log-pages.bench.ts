// Pages of the log read "after a position", as the syndication catch-up, the stored rebuild and
// replays read them: a page near the head must cost what a page near the start does. Given two
// lower bounds on the rowid, SQLite had ranged on the unused one and read every event before the
// page (385 ms a page at 900 000 events, found on the million-event run).
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

export const logPagesBench = async ({ store: file }: Pick<BenchOptions, 'store'>) => {
  const store = new SqliteEventStore(file!);
  const head = await store.headPosition();
  const nearStart = await pageMs(store, 0n);
  const nearHead = await pageMs(store, head - BigInt(PAGE * (PAGES + 1)));
  await store.close();
  report({
    bench: 'log-pages',
    params: { events: Number(head), pageSize: PAGE, pages: PAGES },
    figures: [
      { name: 'a page after a position near the start', value: nearStart, unit: 'ms' },
      { name: 'a page after a position near the head', value: nearHead, unit: 'ms' },
    ],
    ratios: [ratio('near the head / near the start', nearHead / nearStart, 2, 'at most')],
  });
};
