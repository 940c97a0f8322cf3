import type { ArticleEvent } from '../domain/events/index.js';

/** A decoded event with where it sits in the log. */
export interface ProjectedEvent {
  event: ArticleEvent;
  position: bigint;
  revision: bigint;
  streamName: string;
  created: Date;
}

/**
 * A read model: a pure fold of the article events. `apply` may mutate and return the same state
 * for speed, as long as replaying the same events from `initial()` always gives an equal state.
 */
export interface Projection<S, N extends string = string> {
  name: N;
  /**
   * Bumped whenever what `apply` makes of the events changes (a reducer, a conflict rule, a claim
   * key). A snapshot saved under another version is not restored: the read model is rebuilt from
   * position 0 at start, since old events folded by the old rule would silently stay as they were.
   */
  version: number;
  initial(): S;
  apply(state: S, e: ProjectedEvent): S;
  /** JSON-safe form, for snapshots. */
  serialize(state: S): unknown;
  deserialize(json: unknown): S;
}

/** A read model's definition, its name kept as a literal type so the registry can key states by it. */
export const defineReadModel = <const N extends string, S>(projection: Projection<S, N>): Projection<S, N> => projection;

/** The state a read model folds to. */
export type StateOf<P> = P extends Projection<infer S, string> ? S : never;
