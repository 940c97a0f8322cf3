import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadModelName, ReadModelStates } from '../read-models/index.js';
import type { ProjectionRunner } from '../projections/projection-runner.js';
import { HEAP_VIEWS } from '../projections/projections.tokens.js';
import { BodyCache } from './body-cache.js';
import { ReplayGate } from './replay-gate.js';
import { ReadModelQuery } from './read-model.query.js';

type AnyReadModelQuery = ReadModelQuery<ReadModelName, unknown>;

@QueryHandler(ReadModelQuery)
export class ReadModelQueryHandler implements IQueryHandler<AnyReadModelQuery> {
  private readonly bodies = new BodyCache();

  constructor(@Inject(HEAP_VIEWS) private readonly runner: ProjectionRunner, private readonly replays: ReplayGate) {}

  async execute(query: AnyReadModelQuery): Promise<unknown> {
    const names = query.readModels;
    // Live read models answer from memory; `asOf` folds the log up to that point on demand.
    if (query.asOf) {
      const limit = query.asOf;
      const asOf = await this.replays.run(() => this.runner.asOf([...names], limit));
      return query.run(statesByName(names, names.map((n) => asOf.get(n))));
    }
    const states = names.map((name) => this.runner.state(name));
    const run = () => query.run(statesByName(names, states));
    if (query.cacheKey === undefined) return run();
    const status = this.runner.status();
    const checkpoints = names.map((name) => status.find((v) => v.name === name)!.checkpoint);
    return this.bodies.get(query.cacheKey, { states, checkpoints }, run as () => string | null);
  }
}

/**
 * The one place where the runner's opaque states meet their types: the runner holds each read
 * model of READ_MODELS under its name, so the state under `name` is ReadModelStates[name].
 */
const statesByName = (names: readonly ReadModelName[], states: unknown[]): ReadModelStates =>
  Object.fromEntries(names.map((name, i) => [name, states[i]])) as ReadModelStates;
