// `feeds add|list|poll|remove`: the same feed streams and code as /feeds, from the command line.
// `feeds poll` is how a machine without the server polls (cron): it polls the due feeds, or the one named.
import { InvalidArgumentError, type Command } from 'commander';
import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE } from '../../common/tokens.js';
import { newCommandContext } from '../../domain/events/index.js';
import { nextPollAt } from '../../domain/feeds/feed-state.js';
import type { EventStore } from '../../event-store/event-store.js';
import { listFeeds } from '../../feeds/feed-stream.js';
import { feedResponse } from '../../feeds/feed-response.js';
import { FeedPoller } from '../../feeds/poll-feed.js';
import { FeedSubscriptions } from '../../feeds/subscribe-feed.js';
import { cliContext } from '../app-context.js';

const minutes = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_080) throw new InvalidArgumentError('minutes from 1 to 10080');
  return n;
};

const withApp = async (run: (app: INestApplicationContext) => Promise<void>): Promise<void> => {
  const app = await cliContext();
  try {
    await run(app);
  } finally {
    await app.close();
  }
};

const line = (f: ReturnType<typeof feedResponse>): string =>
  [
    f.feedId,
    f.state.padEnd(12),
    `${f.itemsIngested} items`.padEnd(10),
    `last ${f.lastPollAt ?? 'never'}`,
    f.lastError ? `error: ${f.lastError.reason}` : '',
    f.url,
  ]
    .filter(Boolean)
    .join('  ');

export const registerFeeds = (program: Command): void => {
  const feeds = program.command('feeds').description('RSS/Atom/RDF feeds: subscribe, list, poll, unsubscribe');
  feeds
    .command('add')
    .argument('<url>')
    .option('--interval <minutes>', 'minutes between polls', minutes, 60)
    .description('subscribe (the feed is fetched and checked first, then polled once)')
    .action((url: string, options: { interval: number }) =>
      withApp(async (app) => {
        const { state, created } = await app.get(FeedSubscriptions).subscribe(url, options.interval, newCommandContext());
        console.log(`${created ? 'subscribed' : 'already subscribed'}: ${line(feedResponse(state))}`);
      }),
    );
  feeds
    .command('list')
    .option('--json', 'print JSON')
    .description('every feed with its state')
    .action((options: { json?: boolean }) =>
      withApp(async (app) => {
        const all = (await listFeeds(app.get<EventStore>(EVENT_STORE))).map((f) => feedResponse(f));
        if (options.json) console.log(JSON.stringify(all, null, 2));
        else for (const f of all) console.log(line(f));
      }),
    );
  feeds
    .command('poll')
    .argument('[feedId]', 'this feed now; without it, every feed that is due')
    .option('--json', 'print JSON')
    .description('poll feeds and ingest their new items')
    .action((feedId: string | undefined, options: { json?: boolean }) =>
      withApp(async (app) => {
        const store = app.get<EventStore>(EVENT_STORE);
        const now = new Date();
        const targets = feedId ? [feedId] : (await listFeeds(store)).filter((f) => (nextPollAt(f) ?? now) <= now && f.active).map((f) => f.feedId);
        const polled = [];
        for (const id of targets) polled.push(feedResponse(await app.get(FeedPoller).poll(id), true));
        if (options.json) console.log(JSON.stringify(polled, null, 2));
        else
          for (const f of polled) console.log(`${line(f)}  (this poll: ${f.lastPoll?.ingested ?? 0} ingested, ${f.lastPoll?.failedItems.length ?? 0} failed)`);
        process.exitCode = polled.some((f) => f.lastError && f.lastError.at >= now.toISOString()) ? 1 : 0;
      }),
    );
  feeds
    .command('remove')
    .argument('<feedId>')
    .description('unsubscribe; its history and articles stay')
    .action((feedId: string) =>
      withApp(async (app) => {
        const state = await app.get(FeedSubscriptions).unsubscribe(feedId, newCommandContext());
        if (!state) {
          console.error(`claimtrail: no feed ${feedId}`);
          process.exitCode = 1;
          return;
        }
        console.log(`unsubscribed: ${line(feedResponse(state))}`);
      }),
    );
};
