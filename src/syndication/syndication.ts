// Recognising syndicated copies at ingest, and keeping the index in step with the log.
//
// At ingest (IngestArticleHandler): `recognise` looks the new body up and, in the same write
// transaction, claims the article's place in the index (pending), so two copies ingested at the
// same time — in this process or another — see each other. The handler appends CopyRecognised with
// the article, in the same append (all or nothing), then `settle`s: confirmed, or removed when
// nothing was written.
//
// The story is the first article of the group to be ingested, whatever the publication dates say:
// a republished copy ingested before its wire original becomes the story's original, and the wire
// original, ingested later, is recorded as its copy. Events are never rewritten, so a story id never
// changes once recorded; what counts (independent reports, conflicts) is the same either way.
//
// At start (`catchUp`): the index is derived from the log, never the other way round. A file
// written for another log is emptied; pending places whose article never reached the log are
// dropped; then the article events after the index's checkpoint are folded, a page at a time:
// ArticleIngested indexes the body as its own story, CopyRecognised sets the story it recorded.
// Deleting the file rebuilds the index from the log with the decisions the log holds.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { StreamDeletedError, StreamNotFoundError, type EventStore } from '../event-store/event-store.js';
import { decodeArticleEvent, type ArticleEvent, type CopyRecognised } from '../domain/events/index.js';
import { bestMatch, fingerprintOf, type CopyMatch } from '../domain/syndication/copy-rule.js';
import { readArticlePage } from '../projections/read-article-page.js';
import { articleStream } from '../domain/ids.js';
import type { StoryIndex } from './story-index.js';

export interface Recognition {
  copy: CopyMatch | null;
  /** This call put the article in the index: the caller must settle it. */
  claimed: boolean;
}

const CATCH_UP_PAGE = 100;

export class Syndication {
  private store: EventStore | null = null;
  private caughtUp: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(readonly index: StoryIndex) {}

  /**
   * Starts the catch-up without waiting for it: the service answers at once, and only ingests wait
   * (see `ready`; a lost index on a large log takes minutes to rebuild).
   */
  follow(store: EventStore): void {
    this.store = store;
    this.caughtUp = this.started(store);
  }

  /**
   * Resolves when the index has caught up with the log. A catch-up that failed (the store did not
   * answer) is tried again by the next ingest, which fails with its reason if it fails again: an
   * ingest never decides against a partial index.
   */
  async ready(): Promise<void> {
    const attempt = this.caughtUp;
    try {
      await attempt;
    } catch (error) {
      if (!this.store || this.stopping) throw error;
      if (this.caughtUp === attempt) this.caughtUp = this.started(this.store);
      await this.caughtUp;
    }
  }

  /** Shutting down: a catch-up still running stops after its current page. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.caughtUp.catch(() => undefined);
  }

  private started(store: EventStore): Promise<unknown> {
    const run = this.catchUp(store);
    run.catch(() => undefined);
    return run;
  }

  /** Whether a new article is a copy; claims its place in the index (pending until `settle`). */
  recognise(articleId: string, body: string): Recognition {
    const fingerprint = fingerprintOf(body);
    if (!fingerprint) return { copy: null, claimed: false };
    return this.index.exclusive(() => {
      // Already there: the same text ingested concurrently (whose append decides), or a withdrawn
      // article ingested again, which is recorded again as the copy it was.
      const story = this.index.storyOf(articleId);
      if (story !== null) return { copy: story === articleId ? null : this.index.copyOf(story, fingerprint), claimed: false };
      const copy = bestMatch(fingerprint, this.index.candidates(fingerprint.bands));
      this.index.add(articleId, copy?.originalArticleId ?? articleId, fingerprint, true);
      return { copy, claimed: true };
    });
  }

  /** After the append: the article is in the log (confirmed), or it is not (removed). */
  settle(articleId: string, appended: boolean): void {
    if (appended) this.index.confirm(articleId);
    else this.index.remove(articleId);
  }

  /** Brings the index up to the log (see the head of this file). */
  async catchUp(store: EventStore): Promise<{ indexed: number }> {
    const logId = await store.logId();
    if (this.index.meta('logId') !== logId) {
      this.index.clear();
      this.index.setMeta('logId', logId);
    }
    for (const articleId of this.index.pending()) {
      if (await inLog(store, articleId)) this.index.confirm(articleId);
      else this.index.remove(articleId);
    }
    let after = BigInt(this.index.meta('checkpoint') ?? '-1');
    let indexed = 0;
    for (;;) {
      const page = this.stopping ? [] : await readArticlePage(store, after, CATCH_UP_PAGE);
      if (!page.length) return { indexed };
      after = page[page.length - 1].position;
      this.index.exclusive(() => {
        for (const e of page) if (!(e instanceof Error)) indexed += this.fold(decoded(e)) ? 1 : 0;
        this.index.setMeta('checkpoint', after.toString());
      });
      // The SQLite store's reads resolve as microtasks: without a turn, the whole catch-up (minutes
      // on a long log with no index) would hold every timer and request, `listen` included.
      await nextTurn();
    }
  }

  /** One event of the log into the index; true when it indexed an article. */
  private fold(event: ArticleEvent | null): boolean {
    if (event?.type === 'ArticleIngested') {
      const fingerprint = fingerprintOf(event.data.body);
      return fingerprint !== null && this.index.add(event.data.articleId, event.data.articleId, fingerprint);
    }
    if (event?.type === 'CopyRecognised') this.index.setStory(event.data.articleId, event.data.originalArticleId);
    return false;
  }
}

/** Whether an article's stream is in the log; a store that does not answer fails the start. */
const inLog = async (store: EventStore, articleId: string): Promise<boolean> => {
  try {
    return (await store.readStream(articleStream(articleId), { maxCount: 1 })).length > 0;
  } catch (error) {
    if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return false;
    throw error;
  }
};

/** An event the read models could not decode is theirs to report; the index passes over it. */
const decoded = (e: Parameters<typeof decodeArticleEvent>[0]): ArticleEvent | null => {
  try {
    return decodeArticleEvent(e);
  } catch {
    return null;
  }
};

export const copyRecognised = (articleId: string, copy: CopyMatch): CopyRecognised => ({
  type: 'CopyRecognised',
  data: { articleId, originalArticleId: copy.originalArticleId, similarity: copy.similarity },
});
