// The few figures a run is judged by, and their change since an earlier run.
import { ERROR_GROUPS, type ErrorGroup } from './error-classes.js';
import type { EvalReport } from './report.js';

export interface Headline {
  detectionF1: number; detectionP: number; detectionR: number;
  fullF1: number; fullP: number; fullR: number;
  /** null when the set has no reference content to compare with. */
  content: number | null;
  missed: number; fields: number; extra: number;
}

export const headline = (r: EvalReport): Headline => ({
  detectionF1: r.detection.f1, detectionP: r.detection.precision, detectionR: r.detection.recall,
  fullF1: r.full.f1, fullP: r.full.precision, fullR: r.full.recall,
  content: r.contentOverlap.mean,
  missed: r.errors.counts.missed, fields: r.errors.counts.fields, extra: r.errors.counts.extra,
});

export type HeadlineDelta = { [K in keyof Headline]: { now: Headline[K]; before: Headline[K]; change: number | null } };

/** Figure by figure, now minus before; null where either side has no value. */
export const compareHeadlines = (now: Headline, before: Headline): HeadlineDelta => {
  const delta = {} as Record<keyof Headline, { now: number | null; before: number | null; change: number | null }>;
  for (const key of Object.keys(now) as (keyof Headline)[]) {
    const a = now[key], b = before[key] ?? null;
    delta[key] = { now: a, before: b, change: a === null || b === null ? null : a - b };
  }
  return delta as HeadlineDelta;
};

export const COUNT_FIGURES: readonly (keyof Headline)[] = Object.keys(ERROR_GROUPS) as ErrorGroup[];
