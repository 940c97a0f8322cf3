// `from`/`to` filter on the article's published date, falling back to when it was recorded.

/** Epoch ms of a publishedAt (date or date-time), or of the recording time when it is missing or unparsable. */
export const effectiveTime = (publishedAt: string | null | undefined, recordedAt: string): number => {
  const published = publishedAt ? Date.parse(publishedAt) : NaN;
  return Number.isNaN(published) ? Date.parse(recordedAt) : published;
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A date bound; a date-only `to` includes that whole day. Null when unparsable. */
export const parseBound = (value: string, side: 'from' | 'to'): number | null => {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  return side === 'to' && DATE_ONLY.test(value) ? t + DAY_MS - 1 : t;
};

export interface TimeRange {
  /** Inclusive epoch ms. */
  from?: number;
  /** Inclusive epoch ms. */
  to?: number;
}

export const inRange = (t: number, range: TimeRange): boolean =>
  (range.from === undefined || t >= range.from) && (range.to === undefined || t <= range.to);

/** The time a claim lists and filters by: its article's (see effectiveTime), else when the claim was recorded. */
export const claimTimeOf = (articleTime: number | undefined, claimRecordedAt: string): number =>
  articleTime === undefined || Number.isNaN(articleTime) ? Date.parse(claimRecordedAt) : articleTime;
