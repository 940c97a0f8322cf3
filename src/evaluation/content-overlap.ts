// How close the predicted `content` is to the reference `content`, as the token F1 used for short
// answers: words in common (counted with multiplicity) over the words of each side. Simple on
// purpose: lower-cased words, quotes and dashes folded, no stemming and no stop list.
import type { Scorer } from './scorer.js';

export interface ContentOverlap {
  /** Mean token F1 over the pairs; null when no matched reference claim has a content. */
  mean: number | null;
  pairs: number;
}

export const contentTokens = (scorer: Scorer, text: string): string[] =>
  scorer.fold(text).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];

/** Token F1 of two word lists; two empty lists agree fully. */
export const tokenF1 = (predicted: string[], reference: string[]): number => {
  if (predicted.length === 0 || reference.length === 0) return predicted.length === reference.length ? 1 : 0;
  const left = new Map<string, number>();
  for (const w of reference) left.set(w, (left.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of predicted) {
    const n = left.get(w) ?? 0;
    if (n > 0) { common++; left.set(w, n - 1); }
  }
  if (common === 0) return 0;
  const p = common / predicted.length, r = common / reference.length;
  return (2 * p * r) / (p + r);
};

/** Mean token F1 over (predicted, reference) content pairs. */
export const meanContentOverlap = (scorer: Scorer, pairs: { predicted: string; reference: string }[]): ContentOverlap => {
  if (pairs.length === 0) return { mean: null, pairs: 0 };
  const sum = pairs.reduce((s, x) => s + tokenF1(contentTokens(scorer, x.predicted), contentTokens(scorer, x.reference)), 0);
  return { mean: sum / pairs.length, pairs: pairs.length };
};
