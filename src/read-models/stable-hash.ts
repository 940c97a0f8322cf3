// A hash of a read model's state that ignores how it is laid out in memory: Map and Set order, key
// order and undefined fields do not count, so a rebuilt read model and a live one compare equal.
import { createHash } from 'node:crypto';

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical JSON: object keys sorted, Maps as sorted [key, value] pairs, Sets sorted, bigints and Dates as strings. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'function':
    case 'symbol':
      return 'null';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Map) {
    const pairs = [...value].map(([k, v]) => [canonicalJson(k), canonicalJson(v)] as const);
    pairs.sort((a, b) => compareStrings(a[0], b[0]));
    return `{"$map":[${pairs.map(([k, v]) => `[${k},${v}]`).join(',')}]}`;
  }
  if (value instanceof Set) {
    const items = [...value].map(canonicalJson).sort(compareStrings);
    return `{"$set":[${items.join(',')}]}`;
  }
  if (ArrayBuffer.isView(value)) return `[${Array.from(value as unknown as ArrayLike<number>).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareStrings(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/** sha256 of the canonical JSON, hex. */
export const stableHash = (value: unknown): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
