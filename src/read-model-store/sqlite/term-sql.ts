// Where a read finds the terms it sees (schema.ts): live reads in live_terms alone; reads as of a
// position in live terms added by then and in closed terms that still held then.
import type { Visibility } from './temporal.js';

export const addedBy = (alias: string): string => `${alias}.from_pos <= @at`;
export const heldAt = (alias: string): string => `${alias}.from_pos <= @at AND ${alias}.to_pos > @at`;

/**
 * True when the row of `keyExpr`, whose terms carry `sortExpr`, carries one of the terms
 * (placeholders `names`): one primary-key seek per name, since every term of a row version
 * carries that version's sort (sqlite-writer.ts). Each alias used once per query: `alias` and `alias`c.
 */
export const carriesTermSql = (keyExpr: string, sortExpr: string, names: readonly string[], alias: string, visibility: Visibility): string => {
  const match = (from: 'live_terms' | 'closed_terms', as: string): string =>
    `SELECT 1 FROM ${from} ${as} WHERE ${as}.tid = @tid AND ${as}.term IN (${names.join(', ')}) AND ${as}.sort = ${sortExpr} AND ${as}.key = ${keyExpr}`;
  if (visibility.live) return `EXISTS (${match('live_terms', alias)})`;
  const closed = `${alias}c`;
  return `(EXISTS (${match('live_terms', alias)} AND ${addedBy(alias)}) OR EXISTS (${match('closed_terms', closed)} AND ${heldAt(closed)}))`;
};

/**
 * A FROM item, under `alias`, of the terms a read sees that meet `termCondition` (given the term
 * column), with columns term, sort and key, and the WHERE conditions that go with it. Live, it is
 * the table itself, so a list by one term is read in its primary key's order.
 */
export const visibleTermsSql = (termCondition: (column: string) => string, alias: string, visibility: Visibility): { from: string; where: string[] } => {
  if (visibility.live) return { from: `live_terms ${alias}`, where: [`${alias}.tid = @tid`, termCondition(`${alias}.term`)] };
  const arm = (table: string, held: (as: string) => string): string =>
    `SELECT t.term AS term, t.sort AS sort, t.key AS key FROM ${table} t WHERE t.tid = @tid AND ${termCondition('t.term')} AND ${held('t')}`;
  return { from: `(${arm('live_terms', addedBy)} UNION ALL ${arm('closed_terms', heldAt)}) ${alias}`, where: [] };
};
