// wink tags a past-tense verb right after a name as an adjective now and then ("Niger alleged
// that ...", read as "the alleged Niger"). Past forms of the verbs the rules look for are known in
// advance, so such a token is put back as the verb it is when a clause or an object follows it.
import { VERB_CUES } from './cues/lexicon.js';
import { REPORTING_VERBS } from './attribution/lexicon.js';
import type { AnalyzedText } from './nlp.js';

const pastForms = (lemma: string): string[] =>
  lemma.endsWith('e') ? [`${lemma}d`] : lemma.endsWith('y') ? [`${lemma.slice(0, -1)}ied`, `${lemma}ed`] : [`${lemma}ed`];

/** Past form → lemma, for every cue verb and reporting verb. */
const LEMMA_OF_PAST: ReadonlyMap<string, string> = new Map(
  [...VERB_CUES.keys(), ...REPORTING_VERBS].flatMap((lemma) => pastForms(lemma).map((form): [string, string] => [form, lemma])),
);

/** Words that open what a verb governs: a clause, a determiner, a name. */
const OPENS_COMPLEMENT = new Set(['SCONJ', 'DET', 'PROPN', 'PRON']);

export const restorePastVerbs = (a: AnalyzedText): void => {
  const { tokens } = a;
  for (let k = 1; k + 1 < tokens.length; k++) {
    const token = tokens[k];
    if (token.pos !== 'ADJ') continue;
    const lemma = LEMMA_OF_PAST.get(token.norm);
    // After a name ("Niger alleged") or an auxiliary ("has alleged that"), before what a verb governs.
    const before = tokens[k - 1].pos;
    if (!lemma || (before !== 'PROPN' && before !== 'AUX') || !OPENS_COMPLEMENT.has(tokens[k + 1].pos)) continue;
    token.pos = 'VERB';
    token.lemma = lemma;
  }
};
