import { Query } from '@nestjs/cqrs';
import type { ViewName } from '../read-models/index.js';
import type { AsOf } from './list-query.dto.js';

/**
 * One query shape for every view endpoint: which views it reads, from when (live, or as of a
 * position or time), and the pure query function to run over their states.
 */
export class ViewQuery<T> extends Query<T> {
  constructor(
    readonly views: ViewName[],
    readonly asOf: AsOf | null,
    readonly run: (states: Record<ViewName, never>) => T,
    /**
     * Set by routes whose `run` returns JSON text (or null): the route and its parsed query. Live
     * answers are then kept as bytes until a view they read moves (body-cache.ts).
     */
    readonly cacheKey?: string,
  ) {
    super();
  }
}
