// Polls every feed when it is due (see nextPollAt: interval, backoff after failures). State comes
// from the feed streams on each tick, so a restart resumes where the log says, with no state of its own.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE } from '../common/tokens.js';
import { nextPollAt } from '../domain/feeds/feed-state.js';
import type { EventStore } from '../event-store/event-store.js';
import { listFeeds } from './feed-stream.js';
import { FeedPoller } from './poll-feed.js';

@Injectable()
export class FeedScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('feeds');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: Config,
    private readonly poller: FeedPoller,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.feedTickMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.feedTickMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: every due feed, one at a time. A pass still running when the next tick comes is not doubled. */
  tick(now = new Date()): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        for (const feed of await listFeeds(this.store)) {
          if (this.stopped) return;
          const due = nextPollAt(feed);
          if (due && due <= now) await this.poller.poll(feed.feedId);
        }
      } catch (error) {
        this.logger.error(`feed polling failed: ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
