// SQL for finds and term counts, built from a selection's shape. Values are always bound as
// named parameters; only aliases and placeholders are spliced into the text.
import type { Find, Selection, Table } from '../read-model-store.js';
import { versionSql, visibleSql, type Visibility } from './temporal.js';
import { addedBy, carriesTermSql, heldAt, visibleTermsSql } from './term-sql.js';

export interface BuiltSql {
  sql: string;
  params: Record<string, unknown>;
}

/** Beyond every character: a prefix's terms sort between the prefix and prefix + this. */
const PREFIX_END = '\u{10FFFF}';

interface Conditions {
  /** FROM and JOIN clauses. */
  from: string;
  where: string[];
  params: Record<string, unknown>;
  /** The alias whose key the other terms are matched on. */
  driver: string;
  /** The alias whose sort and key order the rows and bound `from`/`to`. */
  sorter: string;
}

/**
 * Whose sort a driving term's rows are ordered by: a term version carries the sort its row had
 * while it held (the writer versions terms when it moves), so the term's own, live or as of a
 * position; a table whose sort moves (Table.sortMoves) keeps none in its terms: the row's.
 */
const sortAlias = (driver: string, table: Table<unknown>): string => (table.sortMoves ? 'r' : driver);

/** EXISTS conditions for a selection's other terms, on the driver's key and its terms' sort. */
const termConditions = (
  selection: Selection<unknown>,
  driver: string,
  skipFirst: boolean,
  visibility: Visibility,
  params: Record<string, unknown>,
): string[] => {
  const where: string[] = [];
  const termSort = selection.table.sortMoves ? '0' : `${driver}.sort`;
  let n = 0;
  const exists = (terms: readonly string[], negate: boolean): void => {
    const names = terms.map((term) => {
      const name = `t${n++}`;
      params[name] = term;
      return `@${name}`;
    });
    where.push(`${negate ? 'NOT ' : ''}${carriesTermSql(`${driver}.key`, termSort, names, `x${n}`, visibility)}`);
  };
  (selection.all ?? []).slice(skipFirst ? 1 : 0).forEach((term) => exists([term], false));
  for (const group of selection.any ?? []) exists(group, false);
  if (selection.none?.length) exists(selection.none, true);
  return where;
};

const rangeConditions = (selection: Selection<unknown>, driver: string, params: Record<string, unknown>): string[] => {
  const where: string[] = [];
  if (selection.from !== undefined) {
    params.sortFrom = selection.from;
    where.push(`${driver}.sort >= @sortFrom`);
  }
  if (selection.to !== undefined) {
    params.sortTo = selection.to;
    where.push(`${driver}.sort <= @sortTo`);
  }
  return where;
};

/** Rows driven by their first `all` term when there is one, else by the rows table itself. */
const conditions = (selection: Selection<unknown>, tid: number, visibility: Visibility): Conditions => {
  const params: Record<string, unknown> = { tid };
  const first = selection.all?.[0];
  if (first === undefined) {
    const where = [`r.tid = @tid`, visibleSql('r', visibility)];
    where.push(...rangeConditions(selection, 'r', params), ...termConditions(selection, 'r', false, visibility, params));
    // Live, through the live rows' index (else SQLite may walk every version of the table's rows).
    return { from: visibility.live ? 'rows r INDEXED BY rows_live_sort' : 'rows r', where, params, driver: 'r', sorter: 'r' };
  }
  params.first = first;
  const sorter = sortAlias('d', selection.table);
  const terms = visibleTermsSql((term) => `${term} = @first`, 'd', visibility);
  const where = [...terms.where];
  where.push(...rangeConditions(selection, sorter, params), ...termConditions(selection, 'd', true, visibility, params));
  return { from: terms.from, where, params, driver: 'd', sorter };
};

const whereSql = (where: readonly string[]): string => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/** CROSS: the driving terms are the outer loop (else SQLite may walk every row of the table). */
const rowJoin = (driver: string, visibility: Visibility): string =>
  driver === 'r' ? '' : ` CROSS JOIN rows r ON ${versionSql('r', `${driver}.key`, visibility)}`;

/**
 * The rows a count or a list of keys needs: none, unless a range is on the rows' own sort. A term
 * holds only while its row's version does (the writer adds and ends them together), so terms are
 * counted alone: a party's conflicts were counted at 3 ms a request through the join.
 */
const rangeJoin = (selection: Selection<unknown>, driver: string, sorter: string, visibility: Visibility): string => {
  const ranged = selection.from !== undefined || selection.to !== undefined;
  return ranged && sorter === 'r' ? rowJoin(driver, visibility) : '';
};

/**
 * By a term whose versions carry their row's sort: the page is taken from the terms alone (as of
 * a position, live and closed ones merged in (sort, key) order) and only its rows are read, not
 * those the offset skips. A join of every term's row, sorted, had cost an `asOf` request all the
 * rows of a party (5.5 ms at 30 000 events).
 */
const termOrderedPage = (query: Find<unknown>, tid: number, visibility: Visibility, direction: string): BuiltSql => {
  const params: Record<string, unknown> = { tid, first: query.all![0], limit: query.limit ?? -1, offset: query.offset ?? 0 };
  const arm = (table: string, held?: (alias: string) => string): string => {
    const where = ['t.tid = @tid', 't.term = @first', ...(held ? [held('t')] : [])];
    where.push(...rangeConditions(query, 't', params), ...termConditions(query, 't', true, visibility, params));
    return `SELECT t.key AS key, t.sort AS sort FROM ${table} t ${whereSql(where)}`;
  };
  const arms = visibility.live ? arm('live_terms') : `${arm('live_terms', addedBy)} UNION ALL ${arm('closed_terms', heldAt)}`;
  const terms = `${arms} ORDER BY sort ${direction}, key ${direction} LIMIT @limit OFFSET @offset`;
  const sql = `SELECT r.key AS key, r.sort AS sort, r.doc AS doc FROM (${terms}) d${rowJoin('d', visibility)} ORDER BY d.sort ${direction}, d.key ${direction}`;
  return { sql, params };
};

export const findSql = (query: Find<unknown>, tid: number, visibility: Visibility): { page: BuiltSql; count: BuiltSql } => {
  const { from, where, params, driver, sorter } = conditions(query, tid, visibility);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const pageParams = { ...params, limit: query.limit ?? -1, offset: query.offset ?? 0 };
  const page =
    sorter === 'd'
      ? termOrderedPage(query, tid, visibility, direction)
      : {
          sql:
            `SELECT r.key AS key, r.sort AS sort, r.doc AS doc FROM ${from}${rowJoin(driver, visibility)} ${whereSql(where)} ` +
            `ORDER BY ${sorter}.sort ${direction}, ${sorter}.key ${direction} LIMIT @limit OFFSET @offset`,
          params: pageParams,
        };
  const count = `SELECT count(*) AS n FROM ${from}${rangeJoin(query, driver, sorter, visibility)} ${whereSql(where)}`;
  return { page, count: { sql: count, params } };
};

/**
 * The selected rows' keys: from the terms when driven by one, joined to rows only for a range on
 * their sort. Unordered unless limited (the reader sorts them), and then sorted by SQLite, which
 * keeps the first `limit` of a term's thousands of keys (an attribution's sample of claim ids), in
 * code-point order: JavaScript's too but for keys with characters beyond U+FFFF.
 */
export const keysSql = (selection: Selection<unknown>, tid: number, visibility: Visibility, limit: number): BuiltSql => {
  const { from, where, params, driver, sorter } = conditions(selection, tid, visibility);
  const sql = `SELECT ${driver}.key AS key FROM ${from}${rangeJoin(selection, driver, sorter, visibility)} ${whereSql(where)}`;
  return limit < 0 ? { sql, params } : { sql: `${sql} ORDER BY key LIMIT @limit`, params: { ...params, limit } };
};

export const countTermsSql = (selection: Selection<unknown>, prefix: string, tid: number, visibility: Visibility, limit: number): BuiltSql => {
  const params: Record<string, unknown> = { tid, prefixFrom: prefix, prefixTo: prefix + PREFIX_END, limit };
  const terms = visibleTermsSql((term) => `${term} >= @prefixFrom AND ${term} < @prefixTo`, 'c', visibility);
  const where = [...terms.where];
  const ranged = selection.from !== undefined || selection.to !== undefined;
  const sorter = ranged ? sortAlias('c', selection.table) : 'c';
  where.push(...rangeConditions(selection, sorter, params), ...termConditions(selection, 'c', false, visibility, params));
  const from = sorter === 'c' ? terms.from : `${terms.from}${rowJoin('c', visibility)}`;
  const sql = `SELECT c.term AS term, count(*) AS count FROM ${from} ${whereSql(where)} GROUP BY c.term ORDER BY count DESC, c.term ASC LIMIT @limit`;
  return { sql, params };
};
