// A brute-force read-model store for tests: every write kept in a list, every read a scan of it.
// What the SQLite store must answer, as of any position.
import type { Find, Found, ReadModelReader, RowWrite, Selection, Table, TermCount } from '../../src/read-model-store/read-model-store.js';

export type Op = { position: bigint; table: Table<unknown>; key: string; write: Omit<RowWrite<unknown>, 'key'> | null };

interface Held {
  doc: unknown;
  sort: number;
  terms: Set<string>;
}

export const rowsAsOf = (ops: readonly Op[], table: Table<unknown>, at: bigint | undefined): Map<string, Held> => {
  const rows = new Map<string, Held>();
  for (const op of ops) {
    if (op.table.name !== table.name || (at !== undefined && op.position > at)) continue;
    if (op.write) rows.set(op.key, { doc: op.write.doc, sort: op.write.sort ?? 0, terms: new Set(op.write.terms ?? []) });
    else rows.delete(op.key);
  }
  return rows;
};

const selected = (held: Held, selection: Selection<unknown>): boolean =>
  (selection.all ?? []).every((term) => held.terms.has(term)) &&
  (selection.any ?? []).every((group) => group.some((term) => held.terms.has(term))) &&
  !(selection.none ?? []).some((term) => held.terms.has(term)) &&
  (selection.from === undefined || held.sort >= selection.from) &&
  (selection.to === undefined || held.sort <= selection.to);

export const referenceReader = (ops: readonly Op[], at?: bigint): ReadModelReader => ({
  get: <D>(table: Table<D>, key: string) => rowsAsOf(ops, table, at).get(key)?.doc as D | undefined,
  getMany: <D>(table: Table<D>, keys: readonly string[]) => {
    const rows = rowsAsOf(ops, table, at);
    return new Map(keys.filter((key) => rows.has(key)).map((key) => [key, rows.get(key)!.doc as D]));
  },
  find: <D>(query: Find<D>): Found<D> => {
    const matching = [...rowsAsOf(ops, query.table, at)]
      .filter(([, held]) => selected(held, query))
      .sort(([keyA, a], [keyB, b]) => a.sort - b.sort || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
    if (query.order === 'desc') matching.reverse();
    const offset = query.offset ?? 0;
    const end = query.limit === undefined || query.limit < 0 ? undefined : offset + query.limit;
    return {
      rows: matching.slice(offset, end).map(([key, held]) => ({ key, sort: held.sort, doc: held.doc as D })),
      total: query.count === false ? -1 : matching.length,
    };
  },
  keys: <D>(selection: Selection<D>, limit = -1): string[] =>
    [...rowsAsOf(ops, selection.table, at)]
      .filter(([, held]) => selected(held, selection))
      .map(([key]) => key)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit < 0 ? undefined : limit),
  countTerms: <D>(selection: Selection<D>, prefix: string, limit = -1): TermCount[] => {
    const counts = new Map<string, number>();
    for (const held of rowsAsOf(ops, selection.table, at).values()) {
      if (!selected(held, selection)) continue;
      for (const term of held.terms) if (term.startsWith(prefix)) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    const sorted = [...counts].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
    return limit < 0 ? sorted : sorted.slice(0, limit);
  },
});
