import { Query } from '@nestjs/cqrs';
import type { ReadModelReader } from '../read-model-store/read-model-store.js';
import type { AsOf } from './list-query.dto.js';

/**
 * One query shape for every read route over the read-model store: from when (live, or as of a
 * position, time or number of events) and the pure query function to run over a reader of that
 * point of knowledge.
 */
export class ReaderQuery<T> extends Query<T> {
  constructor(
    readonly asOf: AsOf | null,
    readonly run: (reader: ReadModelReader) => T,
    /**
     * Set by routes whose `run` returns JSON text (or null): the route and its parsed query. Live
     * answers are kept (bounded) until a read model moves.
     */
    readonly cacheKey?: string,
  ) {
    super();
  }
}
