// One snapshot codec for every read model: states are plain objects, arrays and Maps, so Maps are the
// only thing JSON cannot carry. Map order is kept, so a restored read model lists in the same order.
const MAP_TAG = '$map';

/** JSON-safe copy: Maps become {"$map": [[key, value], ...]} in their iteration order. */
export const encodeState = (value: unknown): unknown => {
  if (value instanceof Map) return { [MAP_TAG]: [...value].map(([k, v]) => [encodeState(k), encodeState(v)]) };
  if (Array.isArray(value)) return value.map(encodeState);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeState(v);
    return out;
  }
  if (typeof value === 'bigint') throw new Error('read-model states keep bigints as strings');
  return value;
};

/** The inverse of encodeState; always returns fresh objects, so a snapshot is never shared. */
export const decodeState = (json: unknown): unknown => {
  if (Array.isArray(json)) return json.map(decodeState);
  if (json !== null && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    const tagged = record[MAP_TAG];
    if (Array.isArray(tagged) && Object.keys(record).length === 1) {
      return new Map((tagged as Array<[unknown, unknown]>).map(([k, v]) => [decodeState(k), decodeState(v)]));
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = decodeState(v);
    return out;
  }
  return json;
};
