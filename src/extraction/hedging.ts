import type { SentenceView } from './grammar.js';

const HEDGE_WORDS = new Set(['reportedly', 'allegedly', 'apparently', 'purportedly', 'supposedly', 'possibly', 'unconfirmed', 'rumoured', 'rumored']);
const MODALS = new Set(['may', 'might', 'could']);
const HEDGED_PASSIVES = new Set(['said', 'believed', 'thought', 'understood', 'reported']);

/**
 * Hedged: the report itself signals doubt — an evidential adverb anywhere in the sentence
 * ("reportedly"), a modal on the cue ("may have invited"), or "is said/believed to".
 */
export const isHedged = (v: SentenceView, cue: number): boolean => {
  const { t, s } = v;
  for (let k = s.from; k < s.to; k++) {
    if (HEDGE_WORDS.has(t[k].norm)) return true;
    if (HEDGED_PASSIVES.has(t[k].norm) && t[k + 1]?.norm === 'to' && k > s.from && /^(is|are|was|were)$/.test(t[k - 1].norm)) return true;
  }
  for (let j = cue - 1; j >= s.from && cue - j <= 3; j--) {
    if (MODALS.has(t[j].norm)) return true;
    if (t[j].pos !== 'AUX' && t[j].pos !== 'ADV') break;
  }
  return false;
};
