import { CONTRAST_CUES } from './lexicon.js';

// Opening quotes, brackets and dashes may stand before the cue: '"But the talks were about ...'.
const OPENING = new RegExp(`^[\\s"“‘'(—–-]*(${CONTRAST_CUES.join('|')})\\b`, 'i');

/** The contrast cue a sentence opens with, lower case, or null. */
export const contrastCue = (sentence: string): string | null => OPENING.exec(sentence)?.[1].toLowerCase() ?? null;
