import type { Projection } from '../../src/read-models/projection.js';

/** Positions seen, in order: a repeated or a lost event shows. */
export const positions: Projection<string[]> = {
  name: 'positions',
  version: 1,
  initial: () => [],
  apply: (s, e) => (s.push(e.position.toString()), s),
  serialize: (s) => s,
  deserialize: (j) => [...(j as string[])],
};
