import type { ClaimType } from '../../domain/claim.js';
import { COPULAS, ADJECTIVE_CUES, DENIAL_VERBS, NOUN_CUES, VERB_CUES } from '../cues/lexicon.js';
import { isPossessiveMarker } from '../mentions/chunks.js';
import { clauseEnd, skipAdjunct, type SentenceView } from '../grammar.js';
import { chargeWordIn } from './charges.js';

/** One occurrence of a claim cue and the verb whose subject is the claim's author. */
export interface CueHit {
  type: ClaimType;
  form: 'verb' | 'adjective' | 'noun';
  /** The cue word. */
  cue: number;
  /** The verb that carries the act: the cue verb, the copula of an adjective, a light verb. */
  head: number;
  /** Lemma of the governing light verb for nouns ("accept" the invitation), if any. */
  light?: string;
  /** A noun no verb governs: "at the invitation of X", "concerns raised by X". */
  bare?: boolean;
  /** "urged both sides to exercise restraint": concern at those urged. */
  urging?: boolean;
}

/** Participles that tagging calls verbs but that work as prepositions before a noun. */
const PREPOSITIONAL_VERBS = new Set(['following', 'amid', 'regarding', 'concerning', 'despite', 'including', 'citing']);

const MODIFIER_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON', 'PUNCT', 'PART']);

/** Skip adverbs left of `k` and return a copula's index if one is there ("remained", "was"). */
const copulaBefore = (v: SentenceView, k: number): number => {
  let j = k - 1;
  // "was "deeply concerned"": quotes around the cue do not hide the copula.
  while (j >= v.s.from && (v.t[j].pos === 'ADV' || /^["“”]$/.test(v.t[j].text))) j--;
  if (j < v.s.from) return -1;
  const w = v.t[j];
  return (w.pos === 'AUX' && COPULAS.has(w.lemma)) || (w.pos === 'VERB' && COPULAS.has(w.lemma)) ? j : -1;
};

/** The verb governing a noun cue across its modifiers: "voiced Berlin's growing concerns". */
const governorOf = (v: SentenceView, k: number): number => {
  for (let j = k - 1; j >= v.s.from && k - j <= 8; j--) {
    const w = v.t[j];
    // A participle between a determiner and a noun modifies it ("the expressed concern"); after a comma it is a verb.
    const before = j > v.s.from ? v.t[j - 1] : undefined;
    const modifier =
      !!before && (/^(DET|PRON|ADJ)$/.test(before.pos) || (before.pos === 'PUNCT' && !/^[,;:]$/.test(before.text))) && /^(NOUN|ADJ)$/.test(v.t[j + 1].pos);
    if (w.pos === 'VERB' && modifier) continue;
    if (w.pos === 'VERB' && !(j > v.s.from && isPossessiveMarker(v.t[j - 1])) && !v.at.get(j)) return j;
    if (!MODIFIER_POS.has(w.pos) && !isPossessiveMarker(w) && w.text !== '-') return -1;
    if (w.text === ',' || w.text === ';') return -1;
  }
  return -1;
};

/** The word after the cue, across an adjunct ("agreed on Tuesday to"), is one of `words`. */
const nextIs = (v: SentenceView, k: number, words: string[] | undefined): boolean => {
  const next = skipAdjunct(v, k + 1);
  return !words || (next < v.s.to && words.includes(v.t[next].norm));
};

/** Token `k` is inside a phrase that names no actor, or inside a role ("the invited delegation"). */
const insidePhrase = (v: SentenceView, k: number): boolean => {
  const kind = v.at.get(k)?.kind;
  return kind === 'other' || kind === 'role';
};

/** What one can agree to and be bound by: a verb, or a plan someone put forward ("a truce", "the proposal"). */
const AGREEABLE = new Set([
  'proposal',
  'plan',
  'deal',
  'truce',
  'ceasefire',
  'cease-fire',
  'terms',
  'demands',
  'initiative',
  'roadmap',
  'framework',
  'request',
  'conditions',
  'principles',
  'mechanism',
  'arrangement',
  'compromise',
]);
const agreesToCommitment = (v: SentenceView, k: number): boolean => {
  if (v.t[k]?.pos === 'VERB') return true;
  for (let j = k; j < v.s.to && j - k < 5; j++) {
    if (AGREEABLE.has(v.t[j].lemma) || AGREEABLE.has(v.t[j].norm)) return true;
    if (!/^(DET|ADJ|PROPN|NOUN|PART|NUM)$/.test(v.t[j].pos)) return false;
  }
  return false;
};

/** "delayed due to concerns raised by X": a preposition between verb and noun leaves the noun unauthored by the verb. */
const prepositionBetween = (v: SentenceView, from: number, to: number): boolean => {
  for (let j = from + 1; j < to; j++) if (v.t[j].pos === 'ADP' || v.t[j].norm === 'to') return true;
  return false;
};

/** "urged both sides to exercise restraint": an urging of restraint is concern at the situation (the claim model says so). */
const RESTRAINT_WORDS = new Set(['restraint', 'calm', 'de-escalation', 'de-escalate', 'deescalation']);
const URGING_VERBS = new Set(['urge', 'appeal', 'call']);
const urgesRestraint = (v: SentenceView, k: number): boolean => {
  if (!URGING_VERBS.has(v.t[k].lemma) || v.t[k].pos !== 'VERB') return false;
  for (let j = k + 1; j < v.s.to && j - k <= 10; j++) {
    if (RESTRAINT_WORDS.has(v.t[j].norm)) return true;
    if (v.t[j].text === ';' || v.t[j].text === '.') return false;
  }
  return false;
};

/** "described the move as a provocation", "termed the sanctions illegal", "called it a farce": a label that charges. */
const LABELLING_VERBS = new Set(['describe', 'term', 'call', 'dub', 'label', 'characterise', 'characterize']);
const brands = (v: SentenceView, k: number): boolean => {
  const w = v.t[k];
  if (w.pos !== 'VERB' || !LABELLING_VERBS.has(w.lemma) || VERB_CUES.has(w.lemma)) return false;
  // "called on X to ...", "called for talks": an appeal, not a label.
  if (/^(on|for|upon|off|in)$/.test(v.t[k + 1]?.norm ?? '')) return false;
  return chargeWordIn(v, k + 1, clauseEnd(v, k)) >= 0;
};

/** "would attend only if Cambodia first agreed to ...": an act set as a condition has not happened. */
const conditional = (v: SentenceView, k: number): boolean => {
  for (let j = k - 1; j >= v.s.from && k - j <= 5; j--) {
    if (/^(if|unless)$/.test(v.t[j].norm)) return true;
    if (v.t[j].text === ',' || v.t[j].pos === 'VERB') return false;
  }
  return false;
};

export const findCues = (v: SentenceView): CueHit[] => {
  const hits: CueHit[] = [];
  const { t, s } = v;
  for (let k = s.from; k < s.to; k++) {
    const w = t[k];
    // Parts of speech are tested before the lexicons: they rule out most tokens with no look-up.
    const adj = w.pos === 'ADJ' || w.pos === 'VERB' ? ADJECTIVE_CUES.get(w.norm) : undefined;
    if (adj && nextIs(v, k, adj.needsNext)) {
      const cop = copulaBefore(v, k);
      if (cop >= 0) {
        hits.push({ type: adj.type, form: 'adjective', cue: k, head: cop });
        continue;
      }
    }
    if (brands(v, k)) {
      hits.push({ type: 'AccusationLevelled', form: 'verb', cue: k, head: k });
      continue;
    }
    if (urgesRestraint(v, k)) {
      hits.push({ type: 'ConcernRaised', form: 'verb', cue: k, head: k, urging: true });
      continue;
    }
    const verb = w.pos === 'VERB' ? VERB_CUES.get(w.lemma) : undefined;
    // "a joint statement condemning the attack": the statement condemns, not the subject of the sentence.
    const describesNoun = w.norm.endsWith('ing') && k > s.from && t[k - 1].pos === 'NOUN';
    if (verb && !describesNoun && !insidePhrase(v, k) && nextIs(v, k, verb.needsNext) && !conditional(v, k)) {
      // "agreed to reopen", "agreed to an Egyptian proposal", but not "agreed to the meeting's date".
      if (w.lemma === 'agree' && !agreesToCommitment(v, skipAdjunct(v, k + 1) + 1)) continue;
      const cop = copulaBefore(v, k);
      hits.push({ type: verb.type, form: 'verb', cue: k, head: cop >= 0 && t[cop].pos === 'VERB' ? cop : k });
      continue;
    }
    if (w.pos !== 'NOUN') continue;
    const noun = NOUN_CUES.get(w.lemma) ?? NOUN_CUES.get(w.norm.endsWith('s') ? w.norm.slice(0, -1) : w.norm);
    if (noun) {
      const g = governorOf(v, k);
      const light = g >= 0 ? t[g].lemma : undefined;
      if (g >= 0 && (noun.light.has(light!) || DENIAL_VERBS.has(light!))) {
        hits.push({ type: noun.type, form: 'noun', cue: k, head: g, light });
      } else if (noun.type === 'InvitationExtended' && /^(extended|issued|sent|delivered)$/.test(t[k + 1]?.norm ?? '') && t[k + 2]?.norm === 'by') {
        hits.push({ type: noun.type, form: 'noun', cue: k, head: k + 1 });
      } else if (g < 0 || PREPOSITIONAL_VERBS.has(t[g].norm) || prepositionBetween(v, g, k)) {
        // No verb makes anyone its author, or only one that links it as a preposition would ("following allegations").
        hits.push({ type: noun.type, form: 'noun', cue: k, head: k, bare: true });
      }
    }
  }
  return hits;
};
