import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ViewName } from '../read-models/index.js';
import type { ProjectionRunner } from '../projections/projection-runner.js';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';
import { ViewQuery } from './view.query.js';

@QueryHandler(ViewQuery)
export class ViewQueryHandler implements IQueryHandler<ViewQuery<unknown>> {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async execute(query: ViewQuery<unknown>): Promise<unknown> {
    // Live views answer from memory; `asOf` folds the log up to that point on demand.
    const states = query.asOf
      ? Object.fromEntries(await this.runner.asOf(query.views, 'position' in query.asOf ? { position: query.asOf.position } : { time: query.asOf.time }))
      : Object.fromEntries(query.views.map((name) => [name, this.runner.state(name)]));
    return query.run(states as Record<ViewName, never>);
  }
}
