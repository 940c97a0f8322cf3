// Derived read models keep claim ids in plain arrays (8 bytes a slot, against ~40 for a Set entry);
// removals only happen on corrections, which are rare, so a linear removal is fine.

/**
 * Every read model unindexes a claim before it indexes it again, so the only duplicate possible is the
 * same claim added twice in one go (a party named twice), which is then the last id. A full
 * `includes` made a million-event rebuild quadratic in the size of a busy party's list.
 */
export const addId = (list: string[], id: string): void => {
  if (list[list.length - 1] !== id) list.push(id);
};

/** Removes `id`; returns true when the list is left empty, so the caller can drop the bucket. */
export const removeId = (list: string[], id: string): boolean => {
  const i = list.indexOf(id);
  if (i >= 0) list.splice(i, 1);
  return list.length === 0;
};

/** Adds to the list under `key`, creating it. */
export const addToBucket = <K>(buckets: Map<K, string[]>, key: K, id: string): void => {
  const list = buckets.get(key);
  if (list) addId(list, id);
  else buckets.set(key, [id]);
};

export const removeFromBucket = <K>(buckets: Map<K, string[]>, key: K, id: string): void => {
  const list = buckets.get(key);
  if (list && removeId(list, id)) buckets.delete(key);
};
