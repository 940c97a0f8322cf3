// Just enough sentence structure to tell whether two claims sit in the same or neighbouring
// sentences, and whether a sentence opens with a contrast cue. Computed once per article at
// ingestion; the conflicts view keeps the sentence starts (a few numbers), never the body.

/**
 * Words that, opening a sentence, set it against what came before: "However, a spokesman said the
 * talks were about migrants." Mid-sentence conjunctions ("..., while X said ...") are not used:
 * they usually join two parts of one account rather than two accounts.
 */
const CONTRAST = /^[\s"“‘'(—–-]*(however|but|yet|whereas|while|although|though|meanwhile|by contrast|in contrast|on the other hand|nevertheless|nonetheless|instead|conversely|still)\b/i;

export const contrastCue = (sentence: string): string | null => CONTRAST.exec(sentence)?.[1].toLowerCase() ?? null;

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
