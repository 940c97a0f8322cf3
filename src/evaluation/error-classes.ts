// The kinds of error the report counts, in the order it prints them. Misses and false positives
// are one class each; a matched claim that is not fully correct can be wrong in several fields.

export const ERROR_GROUPS = {
  missed: 'missed required claims',
  fields: 'matched but not fully correct (a claim can be in several)',
  extra: 'false positives',
} as const;
export type ErrorGroup = keyof typeof ERROR_GROUPS;

export const ERROR_CLASSES = {
  noClaimInSentence: { group: 'missed', label: 'no claim in sentence' },
  noSentence: { group: 'missed', label: 'no sentence (evidence spans the split)' },
  notInBody: { group: 'missed', label: 'evidence not in article body' },
  wrongType: { group: 'missed', label: 'wrong type' },
  sentenceTaken: { group: 'missed', label: 'sentence matched another reference' },
  wrongActor: { group: 'fields', label: 'wrong actor' },
  actorUnresolved: { group: 'fields', label: 'actor unresolved' },
  wrongTarget: { group: 'fields', label: 'wrong target' },
  wrongSource: { group: 'fields', label: 'wrong source' },
  onNotClaim: { group: 'extra', label: 'on a not_claims sentence' },
  onReferenceSentence: { group: 'extra', label: 'on a reference sentence' },
  otherExtra: { group: 'extra', label: 'other false positive' },
} as const satisfies Record<string, { group: ErrorGroup; label: string }>;
export type ErrorClass = keyof typeof ERROR_CLASSES;

/** One error, enough to find it again: the reference id (null for a false positive) and the sentence. */
export interface ErrorItem {
  kind: ErrorClass;
  file: string;
  id: string | null;
  type: string;
  evidence: string;
  detail: string;
}

export type ErrorCounts = Record<ErrorClass, number> & { [G in ErrorGroup]: number };

/** Per class and per group; a group counts claims, so a claim wrong in two fields counts once. */
export const countErrors = (items: ErrorItem[]): ErrorCounts => {
  const counts = Object.fromEntries([...Object.keys(ERROR_CLASSES), ...Object.keys(ERROR_GROUPS)].map((k) => [k, 0])) as ErrorCounts;
  const claimsByGroup = new Map<ErrorGroup, Set<string>>();
  items.forEach((item, i) => {
    counts[item.kind]++;
    const group = ERROR_CLASSES[item.kind].group;
    const seen = claimsByGroup.get(group) ?? claimsByGroup.set(group, new Set()).get(group)!;
    seen.add(item.id === null ? `extra ${i}` : `${item.file} ${item.id}`);
  });
  for (const [group, seen] of claimsByGroup) counts[group] = seen.size;
  return counts;
};
