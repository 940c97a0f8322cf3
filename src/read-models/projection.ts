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
export interface Projection<S> {
  name: string;
  initial(): S;
  apply(state: S, e: ProjectedEvent): S;
  /** JSON-safe form, for snapshots. */
  serialize(state: S): unknown;
  deserialize(json: unknown): S;
}
