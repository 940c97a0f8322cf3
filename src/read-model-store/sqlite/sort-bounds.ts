// Bounds on the sorts a table's rows had up to a position (schema.ts sort_bounds): every row
// version written by then, and so every term version, has a sort within them. A list as of a
// position is ranged to them, so a page of a term read newest first does not walk the entries
// written after it: where sorts grow with the log (a claim's time), those are most of them
// (5.5 ms a page as of a tenth of a million-event log, against 0.3 ms live).
import type { StatementCache } from './statement-cache.js';

export interface SortBounds {
  min: number;
  max: number;
}

/**
 * The bounds of the rows written up to `at`: those of the first record at or after it, each
 * record being an apply's (its last position) and covering everything before it; past the last
 * record, nothing written since moved them. Undefined when the tid has had no row.
 */
export const sortBoundsAt = (statements: StatementCache, tid: number, at: bigint): SortBounds | undefined => {
  const columns = 'SELECT min_sort AS min, max_sort AS max FROM sort_bounds WHERE tid = ?';
  const after = statements.get(`${columns} AND pos >= ? ORDER BY pos LIMIT 1`).get(tid, at) as SortBounds | undefined;
  return after ?? (statements.get(`${columns} ORDER BY pos DESC LIMIT 1`).get(tid) as SortBounds | undefined);
};

/** The sorts one apply wrote, by tid; recorded at its last position where they widen the bounds. */
export class SortsWritten {
  private readonly written = new Map<number, SortBounds>();

  add(tid: number, sort: number): void {
    const bounds = this.written.get(tid);
    if (!bounds) this.written.set(tid, { min: sort, max: sort });
    else if (sort < bounds.min) bounds.min = sort;
    else if (sort > bounds.max) bounds.max = sort;
  }

  write(statements: StatementCache, position: bigint): void {
    const last = statements.get('SELECT min_sort AS min, max_sort AS max FROM sort_bounds WHERE tid = ? ORDER BY pos DESC LIMIT 1');
    const record = statements.get(
      'INSERT INTO sort_bounds (tid, pos, min_sort, max_sort) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (tid, pos) DO UPDATE SET min_sort = min(min_sort, excluded.min_sort), max_sort = max(max_sort, excluded.max_sort)',
    );
    for (const [tid, { min, max }] of this.written) {
      const was = last.get(tid) as SortBounds | undefined;
      if (was && was.min <= min && was.max >= max) continue;
      record.run(tid, position, Math.min(min, was?.min ?? min), Math.max(max, was?.max ?? max));
    }
    this.written.clear();
  }
}

/** A selection's range narrowed to the bounds (never widened). */
export const withinBounds = <S extends { from?: number; to?: number }>(selection: S, bounds: SortBounds | undefined): S =>
  bounds === undefined
    ? selection
    : { ...selection, from: Math.max(selection.from ?? -Infinity, bounds.min), to: Math.min(selection.to ?? Infinity, bounds.max) };
