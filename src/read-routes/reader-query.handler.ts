import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ARTICLE_STREAM_PREFIX } from '../domain/ids.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import type { ReadModelReader } from '../read-model-store/read-model-store.js';
import { positionOf } from '../read-models/timeline/timeline.stored-queries.js';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';
import type { StoredProjectionRunner } from '../projections/stored-projection-runner.js';
import { AnswerCache } from './answer-cache.js';
import type { AsOf } from './list-query.dto.js';
import { ReaderQuery } from './reader.query.js';

/** How long an `asOf` read waits for the read models to reach the log's head (what a replay would read). */
const CATCH_UP_MS = 2000;

@QueryHandler(ReaderQuery)
export class ReaderQueryHandler implements IQueryHandler<ReaderQuery<unknown>> {
  private readonly answers = new AnswerCache();

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: StoredProjectionRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute(query: ReaderQuery<unknown>): Promise<unknown> {
    if (query.asOf) return query.run(await this.readerAsOf(query.asOf));
    const live = this.runner.store.reader();
    if (query.cacheKey === undefined) return query.run(live);
    return this.answers.get(query.cacheKey, this.runner.rowsVersion(), () => query.run(live) as string | null);
  }

  /**
   * Rows as they were once every event up to that point was applied: temporal rows read by index
   * (a time or a count becomes a position through the timeline), never a replay. The read models
   * first reach what the log holds up to it, as a replay of the log would.
   */
  private async readerAsOf(asOf: AsOf): Promise<ReadModelReader> {
    const head = await this.events.headPosition({ streamPrefix: ARTICLE_STREAM_PREFIX });
    const needed = 'position' in asOf && asOf.position < head ? asOf.position : head;
    if (this.runner.checkpoint() < needed) await this.runner.waitFor(needed, CATCH_UP_MS);
    const store = this.runner.store;
    return store.reader(positionOf(store.reader(), asOf));
  }
}
