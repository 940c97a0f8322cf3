// Which version of a row a read sees. Live: the open one. As of position P: the one that held
// once every event up to P was applied, i.e. written at or before P and not replaced by then.
export type Visibility = { live: true } | { live: false; at: bigint };

export const LIVE: Visibility = { live: true };

export const asOfPosition = (at: bigint): Visibility => ({ live: false, at });

/** The SQL condition on alias `x`; as of a position it uses the named parameter `@at`. */
export const visibleSql = (alias: string, visibility: Visibility): string =>
  visibility.live ? `${alias}.to_pos IS NULL` : `${alias}.from_pos <= @at AND (${alias}.to_pos IS NULL OR ${alias}.to_pos > @at)`;

export const visibilityParams = (visibility: Visibility): Record<string, bigint> => (visibility.live ? {} : { at: visibility.at });

/**
 * The version of the row `keyExpr` a read sees, as conditions on alias `x`. As of a position it is
 * the latest written by then (a key's versions never overlap), if not replaced by then: one seek
 * in rows_history, where testing each version would walk every one a hot key (a count) has had.
 */
export const versionSql = (alias: string, keyExpr: string, visibility: Visibility): string => {
  const ofKey = `${alias}.tid = @tid AND ${alias}.key = ${keyExpr}`;
  if (visibility.live) return `${ofKey} AND ${visibleSql(alias, visibility)}`;
  const latest = `SELECT max(m.from_pos) FROM rows m WHERE m.tid = @tid AND m.key = ${keyExpr} AND m.from_pos <= @at`;
  return `${ofKey} AND ${alias}.from_pos = (${latest}) AND ${visibleSql(alias, visibility)}`;
};
