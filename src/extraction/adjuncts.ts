// Short adverbial phrases that wire copy puts between a subject and its verb, or between a verb
// and its complement: "Iran on Monday accused ...", "agreed on Tuesday to ...", "have in turn
// accused ...". They carry no actor, so the grammar looks across them.
import type { Token } from './nlp.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'may'];

/** Heads that end such a phrase: calendar words, parts of the day, and fixed phrases ("in turn"). */
const HEADS = new Set([
  ...WEEKDAYS,
  ...MONTHS,
  'week',
  'weekend',
  'month',
  'year',
  'day',
  'morning',
  'afternoon',
  'evening',
  'night',
  'today',
  'yesterday',
  'tonight',
  'turn',
  'principle',
  'part',
  'time',
  'weeks',
  'months',
  'years',
  'days',
]);
/** Words that may open such a phrase. */
const OPENERS = new Set(['on', 'in', 'at', 'last', 'this', 'next', 'earlier', 'late', 'early', 'during', 'over', 'for', 'by', 'within']);
/** Words inside it: "on Sunday night", "earlier this month", "for its part", "late on Friday". */
const INSIDE = new Set(['the', 'this', 'last', 'next', 'its', 'their', 'his', 'her', 'our', 'on', 'of', 'recent', 'same', 'past']);

const isHead = (t: Token): boolean => HEADS.has(t.norm) && (!MONTHS.includes(t.norm) || /^\p{Lu}/u.test(t.text));
/** Longest phrase looked at, in tokens: keeps every look-up constant-time. */
const MAX = 5;

/** If a short adjunct ends at token `j` (inclusive), the index of its first token; else -1. */
export const adjunctEndingAt = (t: Token[], from: number, j: number): number => {
  let k = j;
  // "on March 4": a day number after the month.
  if (k > from && t[k].pos === 'NUM' && isHead(t[k - 1])) k--;
  if (k < from || !isHead(t[k])) return -1;
  let start = k;
  for (let i = k - 1; i >= from && k - i < MAX; i--) {
    if (OPENERS.has(t[i].norm) || INSIDE.has(t[i].norm) || isHead(t[i]) || t[i].pos === 'NUM') start = i;
    else break;
  }
  // A bare calendar word without an opener is an adjunct too ("Iran Monday accused"), but "turn" or "part" is not.
  if (start === k && !WEEKDAYS.includes(t[k].norm) && !/^(today|yesterday|tonight)$/.test(t[k].norm)) return -1;
  return start;
};

/** If a short adjunct starts at token `k`, the index just after it; else -1. */
export const adjunctStartingAt = (t: Token[], to: number, k: number): number => {
  if (k >= to || !(OPENERS.has(t[k].norm) || isHead(t[k]))) return -1;
  for (let j = k; j < to && j - k < MAX; j++) {
    if (isHead(t[j])) {
      const end = j + 1 < to && t[j + 1].pos === 'NUM' ? j + 2 : j + 1;
      return adjunctEndingAt(t, k, end - 1) === k ? end : -1;
    }
    if (j > k && !(INSIDE.has(t[j].norm) || OPENERS.has(t[j].norm) || t[j].pos === 'NUM')) return -1;
  }
  return -1;
};
