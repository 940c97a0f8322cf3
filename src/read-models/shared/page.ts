/** Every list answer: one page of items and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface PageRequest {
  offset?: number;
  limit?: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

const clamp = (n: number | undefined, min: number, max: number, fallback: number): number =>
  n === undefined || !Number.isFinite(n) ? fallback : Math.min(max, Math.max(min, Math.trunc(n)));

/** Slices a list that is already filtered and sorted. */
export const paginate = <T>(all: T[], page: PageRequest = {}): Page<T> => {
  const offset = clamp(page.offset, 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = clamp(page.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  return { items: all.slice(offset, offset + limit), total: all.length, offset, limit };
};

/** Lazily maps only the page's items: details are joined for what is shown, not for every match. */
export const paginateMap = <T, U>(all: T[], page: PageRequest, map: (item: T) => U): Page<U> => {
  const p = paginate(all, page);
  return { ...p, items: p.items.map(map) };
};

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON.stringify of a page whose items are JSON texts already, in the same key order as a Page:
 * list answers are joined from texts kept per item instead of built and stringified per request.
 */
export const pageJson = (page: Page<string>): string =>
  `{"items":[${page.items.join(',')}],"total":${page.total},"offset":${page.offset},"limit":${page.limit}}`;

/** JSON.stringify({ ...item, [field]: value }) for an item given as its JSON text (an object with at least one field, and no `field`). */
export const jsonWith = (itemJson: string, field: string, value: unknown): string =>
  `${itemJson.slice(0, -1)},${JSON.stringify(field)}:${JSON.stringify(value)}}`;
