// The live counts of counted terms (Table.countedTerms, schema.ts term_counts): a writer gathers
// each apply's changes and adds them up once; a live find by one counted term alone reads its count.
import { isCountedTerm, type Selection } from '../read-model-store.js';
import type { StatementCache } from './statement-cache.js';
import type { Visibility } from './temporal.js';

/** The one counted term a selection is by, when its count is kept: live, no range, no other term. */
export const countedTermOf = (selection: Selection<unknown>, visibility: Visibility): string | undefined => {
  const [term, ...others] = selection.all ?? [];
  if (!visibility.live || term === undefined || others.length || selection.any?.length || selection.none?.length) return undefined;
  if (selection.from !== undefined || selection.to !== undefined) return undefined;
  return isCountedTerm(selection.table, term) ? term : undefined;
};

export const keptCount = (statements: StatementCache, tid: number, term: string): number =>
  (statements.get('SELECT n FROM term_counts WHERE tid = ? AND term = ?').pluck().get(tid, term) as number | undefined) ?? 0;

/** One apply's changes to the counts, by tid and term, written together (a term changes many times in a batch). */
export class CountChanges {
  private readonly changes = new Map<number, Map<string, number>>();

  add(tid: number, term: string, by: 1 | -1): void {
    let ofTid = this.changes.get(tid);
    if (!ofTid) this.changes.set(tid, (ofTid = new Map<string, number>()));
    ofTid.set(term, (ofTid.get(term) ?? 0) + by);
  }

  write(statements: StatementCache): void {
    const upsert = statements.get('INSERT INTO term_counts (tid, term, n) VALUES (?, ?, ?) ON CONFLICT (tid, term) DO UPDATE SET n = n + excluded.n');
    for (const [tid, ofTid] of this.changes) for (const [term, by] of ofTid) if (by !== 0) upsert.run(tid, term, by);
    this.changes.clear();
  }
}
