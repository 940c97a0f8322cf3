import type { Token } from '../nlp.js';
import type { PartyMatch } from '../parties/party-index.js';
import type { TokenIndex } from '../token-index.js';
import { isNameParticle, POSSESSIVE_PRONOUNS, ROLE_HEADS } from './lexicon.js';

/** A base noun phrase: [from, to) token range. */
export interface Chunk {
  from: number;
  to: number;
}

const WORDLIKE = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const NOT_DETERMINERS = new Set(['that', 'which', 'what', 'whose', 'whatever', 'this']);
const isRoleHead = (t: Token): boolean => ROLE_HEADS.has(t.norm) || ROLE_HEADS.has(t.lemma);
const DAY_WORDS = new Set(['yesterday', 'today', 'tonight']);
export const isPossessiveMarker = (t: Token): boolean => t.norm === "'s" || t.norm === "'";

/**
 * Base noun phrases from parts of speech: determiner, modifiers, possessors and head, with the
 * party names found beforehand kept whole. No parser: a hyphen or participle is inside a phrase
 * only between words ("army-backed government", "the outgoing defence minister").
 */
export const chunkSentence = (tokens: Token[], from: number, to: number, inMatch: TokenIndex<PartyMatch>): Chunk[] => {
  const chunks: Chunk[] = [];
  let i = from;
  while (i < to) {
    const end = chunkEnd(tokens, i, to, inMatch);
    if (end > i) {
      chunks.push({ from: i, to: end });
      i = end;
    } else i++;
  }
  return chunks;
};

const glued = (a: Token, b: Token): boolean => a.end === b.start;

const chunkEnd = (tokens: Token[], start: number, to: number, inMatch: TokenIndex<PartyMatch>): number => {
  const first = tokens[start];
  const startsChunk =
    inMatch.get(start) !== undefined ||
    WORDLIKE.has(first.pos) ||
    (first.pos === 'DET' && !NOT_DETERMINERS.has(first.norm)) ||
    POSSESSIVE_PRONOUNS.has(first.norm);
  if (!startsChunk) return start;
  let k = start;
  let sawNoun = false;
  while (k < to) {
    const m = inMatch.get(k);
    // A party name right after a common noun opens a new phrase: "a rebel group Kigali denies backing".
    if (m && k > start && tokens[k - 1].pos === 'NOUN' && /^[a-z]/.test(tokens[k - 1].text) && !inMatch.get(k - 1)) break;
    if (m) {
      k = m.to;
      continue;
    }
    const t = tokens[k];
    const prev = k > start ? tokens[k - 1] : undefined;
    const next = k + 1 < to ? tokens[k + 1] : undefined;
    if (k === start) {
      k++;
      continue;
    }
    // "Georgia yesterday condemned": a day word after a name is an adverb, not part of the phrase.
    if (DAY_WORDS.has(t.norm)) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      sawNoun = true;
      k++;
      continue;
    }
    if (isNameParticle(tokens, k) && (prev!.pos === 'PROPN' || isNameParticle(tokens, k - 1))) {
      k++;
      continue;
    }
    // An adjective after the head with no noun to follow ("the government late on Sunday") is outside.
    if (t.pos === 'ADJ' && sawNoun && !(next && /^(NOUN|PROPN|ADJ)$/.test(next.pos))) break;
    if (t.pos === 'ADJ' || t.pos === 'NUM') {
      k++;
      continue;
    }
    if (isPossessiveMarker(t) && prev && glued(prev, t)) {
      k++;
      continue;
    }
    if (t.text === '-' && prev && next && glued(prev, t) && glued(t, next) && /\w/.test(next.text)) {
      k++;
      continue;
    }
    // Participles inside a phrase: "the acting minister", "Israel's continued occupation", "Hamas exiled leader".
    const afterParty = !!prev && inMatch.get(k - 1) !== undefined && t.norm.endsWith('ed') && !!next && isRoleHead(next);
    if (
      t.pos === 'VERB' &&
      prev &&
      next &&
      (prev.pos === 'DET' || isPossessiveMarker(prev) || prev.text === '-' || prev.pos === 'ADJ' || POSSESSIVE_PRONOUNS.has(prev.norm) || afterParty) &&
      (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')
    ) {
      k++;
      continue;
    }
    // Coordinated nationality adjectives share a head: "Israeli and Lebanese officers".
    if (t.norm === 'and' && !sawNoun && inMatch.get(k - 1)?.form === 'demonym' && inMatch.get(k + 1)?.form === 'demonym') {
      k++;
      continue;
    }
    // A parenthesised short name repeats the phrase: "Rapid Support Forces (RSF)".
    if (t.text === '(') {
      const close = parenthesisedName(tokens, k, to, inMatch);
      if (close > 0) {
        k = close;
        continue;
      }
    }
    break;
  }
  return k;
};

const parenthesisedName = (tokens: Token[], open: number, to: number, inMatch: TokenIndex<PartyMatch>): number => {
  for (let j = open + 1; j < Math.min(to, open + 6); j++) {
    if (tokens[j].text === ')') return j > open + 1 ? j + 1 : -1;
    if (!inMatch.get(j) && tokens[j].pos !== 'PROPN' && tokens[j].text !== '-') return -1;
  }
  return -1;
};
