// The fallback for claims that do not say which sentence they come from (analysts' claims, claims
// of extractors before 2.1, corrected evidence): just enough sentence structure to tell whether two
// claims sit in the same or neighbouring sentences, and whether a sentence opens with a contrast
// cue. Computed once per article at ingestion; the conflicts read model keeps the sentence starts
// (a few numbers), never the body. Extracted claims carry `sentence` and `contrastCue` instead.
import { contrastCue } from '../../extraction/cues/contrast.js';
import type { ClaimPlacement, Evidence } from '../../domain/claim.js';

/**
 * Sentence starts: after . ! ? (and closing quotes or brackets) followed by space and a capital,
 * digit or opening quote, and after every line break. "U.S. military" does not split.
 */
const BOUNDARY = /[.!?][”"’')\]]*\s+(?=[A-Z0-9“"‘'(])|\n+\s*/g;

export interface SentenceIndex {
  /** Start offset of every sentence, ascending; the first is 0. */
  starts: number[];
  /** Sentence number → the contrast cue it opens with. */
  cues: Record<number, string>;
}

export const indexSentences = (body: string): SentenceIndex => {
  const starts = [0];
  for (const m of body.matchAll(BOUNDARY)) {
    const next = (m.index ?? 0) + m[0].length;
    if (next < body.length && next > starts[starts.length - 1]) starts.push(next);
  }
  const cues: Record<number, string> = {};
  starts.forEach((start, i) => {
    const cue = contrastCue(body.slice(start, start + 40));
    if (cue) cues[i] = cue;
  });
  return { starts, cues };
};

/** The number of the sentence holding `offset`. */
export const sentenceAt = (starts: readonly number[], offset: number): number => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** A claim's first and last sentence and the cue opening the first: its own when it has them. */
export const placeClaim = (
  claim: ClaimPlacement & { evidence: Evidence },
  fallback: SentenceIndex | undefined,
): { s0: number; s1: number; cue: string | null } => {
  if (claim.sentence !== undefined) return { s0: claim.sentence, s1: claim.sentence, cue: claim.contrastCue ?? null };
  const starts = fallback?.starts ?? [0];
  const s0 = sentenceAt(starts, claim.evidence.start);
  const s1 = Math.max(s0, sentenceAt(starts, Math.max(claim.evidence.start, claim.evidence.end - 1)));
  return { s0, s1, cue: fallback?.cues[s0] ?? null };
};
