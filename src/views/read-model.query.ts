import { Query } from '@nestjs/cqrs';
import type { ReadModelName, ReadModelStates } from '../read-models/index.js';
import type { AsOf } from './list-query.dto.js';

/**
 * One query shape for every read route: which read models it reads, from when (live, or as of a
 * position or time), and the pure query function to run over their states. `run` is given only
 * the states it declared, each typed from the registry (read-models/index.ts): reading one it did
 * not declare does not compile.
 */
export class ReadModelQuery<N extends ReadModelName, T> extends Query<T> {
  constructor(
    readonly readModels: readonly N[],
    readonly asOf: AsOf | null,
    readonly run: (states: Pick<ReadModelStates, N>) => T,
    /**
     * Set by routes whose `run` returns JSON text (or null): the route and its parsed query. Live
     * answers are then kept as bytes until a read model they read moves (body-cache.ts).
     */
    readonly cacheKey?: string,
  ) {
    super();
  }
}
