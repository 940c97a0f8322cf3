import type { Evidence } from './claim.js';
import { unprocessable } from './errors.js';

/** Evidence must quote the body exactly where it says it does, or the highlight would lie. */
export const checkEvidence = (body: string, evidence: Evidence): void => {
  const { start, end, text } = evidence;
  if (start < 0 || end > body.length || start >= end) {
    throw unprocessable(`evidence offsets ${start}..${end} are outside the article body (0..${body.length})`, { field: 'evidence' });
  }
  if (body.slice(start, end) !== text) {
    throw unprocessable(`evidence.text does not match the article body at ${start}..${end}`, { field: 'evidence.text' });
  }
};
