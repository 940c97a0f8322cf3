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
  ) {
    super();
  }
}
