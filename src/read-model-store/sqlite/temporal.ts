// Which version of a row a read sees. Live: the open one. As of position P: the one that held
// once every event up to P was applied, i.e. written at or before P and not replaced by then.
export type Visibility = { live: true } | { live: false; at: bigint };

export const LIVE: Visibility = { live: true };

export const asOfPosition = (at: bigint): Visibility => ({ live: false, at });

/** The SQL condition on alias `x`; as of a position it uses the named parameter `@at`. */
export const visibleSql = (alias: string, visibility: Visibility): string =>
  visibility.live ? `${alias}.to_pos IS NULL` : `${alias}.from_pos <= @at AND (${alias}.to_pos IS NULL OR ${alias}.to_pos > @at)`;

export const visibilityParams = (visibility: Visibility): Record<string, bigint> => (visibility.live ? {} : { at: visibility.at });
