import type { Position } from '../event-store.js';

export type PositionScheme = 'dense' | 'sparse';

export interface Positions {
  /** The position of the event at this index of the log. */
  at(index: number): Position;
  /** The index of the first event whose position is at least `position`, within a log of `length` events. */
  indexOf(position: Position, length: number): number;
}

/** EventStoreDB's positions are byte offsets: no two are adjacent, and adding one lands inside a record. */
const SPARSE_STRIDE = 97n;
const SPARSE_OFFSET = 13n;

const dense: Positions = {
  at: (index) => BigInt(index),
  indexOf: (position, length) => (position < 0n ? 0 : Number(position < BigInt(length) ? position : BigInt(length))),
};

const sparse: Positions = {
  at: (index) => BigInt(index) * SPARSE_STRIDE + SPARSE_OFFSET,
  indexOf: (position, length) => {
    if (position <= SPARSE_OFFSET) return 0;
    // Ceiling division: the first index whose position is not below `position`.
    const index = (position - SPARSE_OFFSET + SPARSE_STRIDE - 1n) / SPARSE_STRIDE;
    return index > BigInt(length) ? length : Number(index);
  },
};

export const positionsOf = (scheme: PositionScheme): Positions => (scheme === 'sparse' ? sparse : dense);
