import type { Find, Found, ReadModelReader, Selection, Table, TermCount } from '../read-model-store.js';
import { countTermsSql, findSql, keysSql } from './find-sql.js';
import type { StatementCache } from './statement-cache.js';
import { sortBoundsAt, withinBounds } from './sort-bounds.js';
import { countedTermOf, keptCount } from './term-counts.js';
import { versionSql, visibilityParams, type Visibility } from './temporal.js';

/** Resolves a table name to the id of the generation this reader or writer reads. */
export type TidOf = (table: Table<unknown>) => number;

/** Which tids the store keeps counts (term-counts.ts) and sort bounds (sort-bounds.ts) of: TableIds. */
export interface KeptTids {
  counted(tid: number): boolean;
  bounded(tid: number): boolean;
}

interface StoredRow {
  key: string;
  sort: number;
  doc: string;
}

/** Reads of one point of knowledge; docs are parsed fresh, so callers may keep or change them. */
export class SqliteReader implements ReadModelReader {
  constructor(
    protected readonly statements: StatementCache,
    protected readonly tidOf: TidOf,
    protected readonly visibility: Visibility,
    protected readonly kept: KeptTids,
  ) {}

  get<D>(table: Table<D>, key: string): D | undefined {
    const sql = `SELECT doc FROM rows r WHERE ${versionSql('r', '@key', this.visibility)}`;
    const doc = this.statements
      .get(sql)
      .pluck()
      .get({ tid: this.tidOf(table), key, ...visibilityParams(this.visibility) }) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as D);
  }

  /** One statement for all the keys: a page's rows cost one query, not one each. */
  getMany<D>(table: Table<D>, keys: readonly string[]): Map<string, D> {
    const found = new Map<string, D>();
    const unique = [...new Set(keys)];
    if (!unique.length) return found;
    const sql = 'SELECT r.key AS key, r.doc AS doc FROM json_each(@keys) k CROSS JOIN rows r ' + `WHERE ${versionSql('r', 'k.value', this.visibility)}`;
    const params = { tid: this.tidOf(table), keys: JSON.stringify(unique), ...visibilityParams(this.visibility) };
    for (const row of this.statements.get(sql).all(params) as Array<{ key: string; doc: string }>) found.set(row.key, JSON.parse(row.doc) as D);
    // In the order asked, as a loop of gets would give them.
    return new Map(unique.filter((key) => found.has(key)).map((key) => [key, found.get(key)!]));
  }

  find<D>(given: Find<D>): Found<D> {
    const query = this.bounded(given);
    const { page, count } = findSql(query, this.tidOf(query.table), this.visibility);
    const at = visibilityParams(this.visibility);
    const total =
      query.count === false
        ? -1
        : (this.keptTotal(query) ??
          (this.statements
            .get(count.sql)
            .pluck()
            .get({ ...count.params, ...at }) as number));
    const stored = query.limit === 0 ? [] : (this.statements.get(page.sql).all({ ...page.params, ...at }) as StoredRow[]);
    return { rows: stored.map((row) => ({ key: row.key, sort: row.sort, doc: JSON.parse(row.doc) as D })), total };
  }

  /** The kept count of a find by one counted term (term-counts.ts), when there is one. */
  private keptTotal(query: Find<unknown>): number | undefined {
    const term = countedTermOf(query, this.visibility);
    if (term === undefined) return undefined;
    const tid = this.tidOf(query.table);
    return this.kept.counted(tid) ? keptCount(this.statements, tid, term) : undefined;
  }

  /**
   * As of a position, the selection ranged to the sorts its table's rows had by then (sort-bounds.ts),
   * where the terms carry them (a Table.sortMoves table's do not: its range would join every row).
   */
  private bounded<S extends Selection<unknown>>(selection: S): S {
    if (this.visibility.live || selection.table.sortMoves) return selection;
    const tid = this.tidOf(selection.table);
    return this.kept.bounded(tid) ? withinBounds(selection, sortBoundsAt(this.statements, tid, this.visibility.at)) : selection;
  }

  keys<D>(given: Selection<D>, limit = -1): string[] {
    const selection = this.bounded(given);
    const built = keysSql(selection, this.tidOf(selection.table), this.visibility, limit);
    const keys = this.statements
      .get(built.sql)
      .pluck()
      .all({ ...built.params, ...visibilityParams(this.visibility) }) as string[];
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  countTerms<D>(given: Selection<D>, prefix: string, limit = -1): TermCount[] {
    const selection = this.bounded(given);
    const built = countTermsSql(selection, prefix, this.tidOf(selection.table), this.visibility, limit);
    return this.statements.get(built.sql).all({ ...built.params, ...visibilityParams(this.visibility) }) as TermCount[];
  }
}
