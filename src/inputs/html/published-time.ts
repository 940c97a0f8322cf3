import * as chrono from 'chrono-node';

/**
 * A publication time as an ISO 8601 string, from what a page says: an ISO stamp
 * (`article:published_time`, JSON-LD, `<time datetime>`) is taken as it is, anything else
 * ("21 May 2025, 08:00 GMT") is read by chrono-node. Null when it names no date.
 */
export const publicationTime = (said: string | null | undefined): string | null => {
  const text = said?.trim();
  if (!text || text.length > 200) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const at = new Date(text);
    if (!Number.isNaN(at.getTime())) return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : at.toISOString();
  }
  const parsed = chrono.strict.parseDate(text, { timezone: 'UTC' });
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null;
};
