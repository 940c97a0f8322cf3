import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ViewName } from '../read-models/index.js';
import type { ProjectionRunner } from '../projections/projection-runner.js';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';
import { BodyCache } from './body-cache.js';
import { ReplayGate } from './replay-gate.js';
import { ViewQuery } from './view.query.js';

@QueryHandler(ViewQuery)
export class ViewQueryHandler implements IQueryHandler<ViewQuery<unknown>> {
  private readonly bodies = new BodyCache();

  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner, private readonly replays: ReplayGate) {}

  async execute(query: ViewQuery<unknown>): Promise<unknown> {
    // Live views answer from memory; `asOf` folds the log up to that point on demand.
    if (query.asOf) {
      const limit = query.asOf;
      const asOf = await this.replays.run(() => this.runner.asOf(query.views, limit));
      return query.run(Object.fromEntries(asOf) as Record<ViewName, never>);
    }
    const states = query.views.map((name) => this.runner.state(name));
    const run = () => query.run(Object.fromEntries(query.views.map((name, i) => [name, states[i]])) as Record<ViewName, never>);
    if (query.cacheKey === undefined) return run();
    const status = this.runner.status();
    const checkpoints = query.views.map((name) => status.find((v) => v.name === name)!.checkpoint);
    return this.bodies.get(query.cacheKey, { states, checkpoints }, run as () => string | null);
  }
}
