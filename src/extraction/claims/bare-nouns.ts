// Claims named by a noun with no verb that makes anyone its author: "at the invitation of X",
// "allegations from X that ...", "security concerns raised by X", "X's strong protest", "there
// are credible allegations that ...," X told parliament. The author is read off the noun phrase;
// failing that, the speaker the sentence cites, or the subject the sentence opens with.
import type { Frame } from '../attribution/frames.js';
import { coordinatedFrom, isActor, type SentenceView } from '../grammar.js';
import type { Mention } from '../mentions/types.js';
import type { CueHit } from './cues.js';

/** Participles that hand a noun to its author: "concerns raised by", "the invitation extended by". */
const AUTHORING_PARTICIPLES = new Set(['raised', 'expressed', 'voiced', 'made', 'extended', 'issued', 'levelled', 'leveled', 'lodged', 'aired', 'sent']);

/** "of X", "from X", "by X", "raised by X" right after the noun. */
const authorAfter = (v: SentenceView, cue: number): Mention[] => {
  let k = cue + 1;
  if (k < v.s.to && AUTHORING_PARTICIPLES.has(v.t[k].norm)) k++;
  if (k >= v.s.to || !/^(of|from|by)$/.test(v.t[k].norm)) return [];
  // "concerns of the two countries" names holders, but "concerns raised by" must be followed by one.
  return coordinatedFrom(v, k + 1).filter((m: Mention) => m.parties.length > 0 || isActor(m));
};

/** "Pakistan's strong protest", "Kyiv's latest invitation": a party possessing the phrase the noun heads. */
const possessor = (v: SentenceView, cue: number): Mention[] => {
  const phrase = v.at.get(cue);
  if (!phrase || !phrase.parties.length) return [];
  for (let k = phrase.from; k < cue; k++) if (v.t[k].norm === "'s" || v.t[k].norm === "'") return [{ ...phrase, to: k, parties: phrase.parties.slice(0, 1) }];
  return [];
};

/** The actor mention the sentence opens with, if it names a party and comes before the noun. */
const openingSubject = (v: SentenceView, cue: number): Mention[] => {
  const first = v.mentions.find((m) => isActor(m));
  // Only a subject: no verb or preposition before it ("docked in Colombo amid concerns" has none).
  const before = first ? v.t.slice(v.s.from, first.from) : [];
  if (!first || before.some((t) => t.pos === 'VERB' || t.pos === 'ADP' || t.pos === 'AUX')) return [];
  return first.from < cue && first.parties.length && first.kind !== 'pronoun' ? [first] : [];
};

/**
 * The author, and whether the noun phrase itself names them: then they are the source too, whoever
 * the sentence cites for the rest ("docked, officials said, amid concerns raised by the US").
 */
/** "declined to comment on the accusations", "responded to the allegations": a reply to a claim, not one. */
const REPLY_VERBS = new Set(['comment', 'respond', 'react', 'reply']);
const repliesTo = (v: SentenceView, cue: number): boolean => {
  for (let j = cue - 1; j >= v.s.from && cue - j <= 4; j--) if (REPLY_VERBS.has(v.t[j].lemma)) return true;
  return false;
};

export const bareNounAuthor = (v: SentenceView, hit: CueHit, frame: Frame | null): { author: Mention[]; named: boolean } => {
  const { cue } = hit;
  if (repliesTo(v, cue)) return { author: [], named: false };
  const after = authorAfter(v, cue);
  if (after.length) return { author: after, named: true };
  const owner = possessor(v, cue);
  if (owner.length) return { author: owner, named: true };
  if (frame && frame.speaker.some((m) => m.parties.length)) return { author: frame.speaker, named: false };
  // A concern or pledge is its holder's; "declined to comment on the accusations" accuses no one of its subject.
  return { author: hit.type === 'ConcernRaised' || hit.type === 'PledgeMade' ? openingSubject(v, cue) : [], named: false };
};
