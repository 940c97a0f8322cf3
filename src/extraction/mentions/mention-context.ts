// What every pass over a sentence's mentions reads: its tokens, the party names found in it, the
// discourse so far, and how to make a mention. Plus the token tests the passes share.
import type { AnalyzedText, Sentence, Token } from '../nlp.js';
import type { PartyMatch } from '../parties/party-index.js';
import { TokenIndex } from '../token-index.js';
import type { Discourse } from './discourse.js';
import { isNameParticle, NAME_SUFFIXES, NOT_NAME, ROLE_FAMILY, ROLE_HEADS } from './lexicon.js';
import type { Mention } from './types.js';

export interface MentionContext {
  a: AnalyzedText;
  s: Sentence;
  t: Token[];
  d: Discourse;
  /** Party names in the sentence, ambiguous ones decided. */
  matches: PartyMatch[];
  /** The party name covering each token, if any. */
  inMatch: TokenIndex<PartyMatch>;
  text: (from: number, to: number) => string;
  make: (from: number, to: number, kind: Mention['kind'], parties: string[], extra?: Partial<Mention>) => Mention;
}

export const mentionContext = (a: AnalyzedText, s: Sentence, matches: PartyMatch[], d: Discourse): MentionContext => {
  const t = a.tokens;
  const inMatch = new TokenIndex<PartyMatch>(s.from, s.to);
  for (const m of matches) for (let k = m.from; k < m.to; k++) inMatch.set(k, m);
  const text = (from: number, to: number) => a.text.slice(t[from].start, t[to - 1].end);
  const make = (from: number, to: number, kind: Mention['kind'], parties: string[], extra: Partial<Mention> = {}): Mention => ({
    from,
    to,
    text: text(from, to),
    kind,
    parties: uniq(parties),
    plural: false,
    sentence: s.index,
    ...extra,
  });
  return { a, s, t, d, matches, inMatch, text, make };
};

/** A fresh array without repeats; lists of none or one (most) skip the set. */
export const uniq = (xs: string[]): string[] => (xs.length < 2 ? xs.slice() : [...new Set(xs)]);
export const isRoleWord = (t: Token): boolean => ROLE_HEADS.has(t.norm) || ROLE_HEADS.has(t.lemma);
export const family = (t: Token): string => ROLE_FAMILY[t.norm] ?? ROLE_FAMILY[t.lemma] ?? t.lemma;
export const isNameToken = (t: Token): boolean => (t.pos === 'PROPN' || t.pos === 'NOUN') && /^\p{Lu}/u.test(t.text) && !NOT_NAME.has(t.norm);
/** After a hyphen a name goes on in lower case: "Jae-myung". */
export const isNamePart = (toks: Token[], k: number): boolean =>
  isNameToken(toks[k]) ||
  toks[k].text === '-' ||
  NAME_SUFFIXES.has(toks[k].norm) ||
  (k > 0 && toks[k - 1].text === '-' && /^\p{Ll}/u.test(toks[k].text)) ||
  isNameParticle(toks, k);
