import type { SentenceView } from './grammar.js';
import { DENIAL_VERBS } from './cues/lexicon.js';

/** Words that take back what follows them: "did not invite", "never promised". */
export const NEGATORS = new Set(['not', "n't", 'never', 'no']);

/**
 * A cue is denied when its own auxiliaries carry a negation ("did not invite", "has never
 * promised") or a denial verb governs it ("denied inviting", "rejected the accusation",
 * "denied that it had invited"). A negation after the cue belongs to the content: "pledged not to".
 */
export const isDenied = (v: SentenceView, cue: number): boolean => {
  const { t, s } = v;
  for (let j = cue - 1; j >= s.from && cue - j <= 4; j--) {
    if (NEGATORS.has(t[j].norm)) return true;
    if (!(t[j].pos === 'AUX' || t[j].pos === 'ADV' || t[j].pos === 'PART' || t[j].pos === 'DET')) break;
  }
  for (let j = cue - 1; j >= s.from && cue - j <= 8; j--) {
    if (t[j].pos === 'VERB' && DENIAL_VERBS.has(t[j].lemma)) return true;
    if (t[j].pos === 'VERB' || t[j].text === ',' || t[j].text === ';') break;
  }
  return false;
};
