// "Pakistan's Foreign Office" is Pakistan's, though "the Foreign Office" alone is Britain's: a
// metonym owned by another party names that party's organ, so it is no party of its own there.
import type { Token } from '../nlp.js';
import type { PartyMatch } from './party-index.js';

const isPossessive = (t: Token | undefined): boolean => !!t && (t.norm === "'s" || t.norm === "'");

export const dropOwnedMetonyms = (matches: PartyMatch[], tokens: Token[]): PartyMatch[] =>
  matches.filter((m, i) => {
    if (m.form !== 'metonym' || i === 0) return true;
    const owner = matches[i - 1];
    return !(isPossessive(tokens[m.from - 1]) && owner.to === m.from - 1 && owner.id !== m.id);
  });
