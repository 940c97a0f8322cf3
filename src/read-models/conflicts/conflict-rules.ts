// The conflict rules, as pure functions of two claims' facts. "Who says so, and who says otherwise?"
//
// competing-account — two accounts of the same occasion that disagree on what it was about.
//   Both live and asserted, the same claim type, from different sources (a different source party,
//   or the same party through a different mention: "an official" vs "a spokesman"), with topic sets
//   that are both known and share nothing. And the two are about the same occasion:
//   * in one article, either
//     - the later one's sentence opens with a contrast cue (However, But, While, Whereas, Although,
//       Meanwhile, By contrast, ...) and the earlier one is at most CONTRAST_REACH sentences before
//       it, and they share at least one party (actor or target); or
//     - they are in the same or adjacent sentences and name exactly the same actors and targets;
//   * across articles: exactly the same actors and targets, from different independent sources,
//     published within WINDOW_MS of each other.
// denial — a live claim with polarity `denied` against the live asserted claims of the same claim
//   key (type, actors, targets), in any article, published within WINDOW_MS of it. One conflict
//   per denied claim. The window is the other rules' one: a denial answers the reporting of the
//   days around it ("Ruritania denied on Tuesday what Genovia said on Monday"), and without one a
//   busy key's every denial opposed every assertion ever made of it, so denial pairs grew with the
//   square of the log. A denial a month after the last report of its key opposes nothing.
// actor-disagreement — the same act credited to different actors: both live and asserted, the same
//   type, targets and primary topic, content words at least SAME_ACT_SIMILARITY alike, actor sets
//   both known and disjoint (overlapping sets are more often one account naming fewer parties),
//   from different independent sources, in one article or within WINDOW_MS, and not both
//   self-reported: two parties each announcing its own pledge do not dispute each other's (on the
//   bench corpus that pair was 70% of all conflicts); a source crediting the act to a party other
//   than itself does. Content words at least half alike: a third alike paired different pledges
//   that merely share a verb and an object ("pledged support"). Only for DEED_TYPES:
//   a concern or an accusation is a stance many parties hold at once (ten capitals "expressing
//   concern" over one crisis agree, they do not contradict each other), and pairing them made the
//   read model quadratic in the output on a busy news day.
// Syndicated copies (CopyRecognised): two articles of one story — an original and its copy, or two
// copies — are one report told twice, so no rule pairs their claims; and a copy's claims take no
// part in denials (denials.ts), where they would only repeat its original's.
import type { ClaimType, Polarity, Topic } from '../../domain/claim.js';
import { formatClaimKey, primaryTopic } from '../claim-key.js';
import { similarity } from './content-words.js';

export const CONTRAST_REACH = 2;
export const WINDOW_MS = 3 * 86_400_000;
export const SAME_ACT_SIMILARITY = 0.5;
/** Claim types whose act has one doer, so crediting it to someone else is a disagreement. */
export const DEED_TYPES: ReadonlySet<ClaimType> = new Set(['InvitationExtended', 'PledgeMade']);

/** What the rules need of a claim; kept per live claim by the conflicts read model. */
export interface ConflictFacts {
  claimId: string;
  articleId: string;
  /** The story of its article: the original's id for a syndicated copy, else the article's own. */
  story: string;
  /** The article's time (published, else recorded), epoch ms. */
  t: number;
  type: ClaimType;
  actors: string[];
  targets: string[];
  topics: Topic[];
  polarity: Polarity;
  /** Independent source key (see claim-key.ts). */
  source: string;
  /** The source as the article names it. */
  mention: string;
  /** Sentence numbers of the evidence's first and last character. */
  s0: number;
  s1: number;
  /** The contrast cue its sentence opens with. */
  cue: string | null;
  words: string[];
}

export type ConflictKind = 'competing-account' | 'denial' | 'actor-disagreement';

export interface PairFinding {
  kind: ConflictKind;
  basis: 'contrast-cue' | 'adjacent' | 'cross-article' | 'same-act';
  why: string;
}

/** Two articles of one story (an original and its syndicated copy, or two copies) are one report: never paired. */
const sameReport = (x: ConflictFacts, y: ConflictFacts): boolean => x.articleId !== y.articleId && x.story === y.story;

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const overlaps = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));
const disjointTopics = (a: ConflictFacts, b: ConflictFacts): boolean => a.topics.length > 0 && b.topics.length > 0 && !overlaps(a.topics, b.topics);
const norm = (m: string): string => m.trim().toLowerCase().replace(/\s+/g, ' ');
const fmt = (xs: readonly string[]): string => (xs.length ? xs.join(', ') : 'none');
const quote = (f: ConflictFacts): string => (f.mention ? `"${f.mention}"` : 'the outlet');

/** The claim key (claim-key.ts) of facts whose party keys are already sorted: same act, same parties. */
export const keyOf = (f: Pick<ConflictFacts, 'type' | 'actors' | 'targets'>): string => formatClaimKey(f);
export const deedKeyOf = (f: Pick<ConflictFacts, 'type' | 'targets' | 'topics'>): string =>
  `${f.type}:${f.targets.join('+') || '-'}:${primaryTopic(f.topics) ?? '-'}`;

/** Reading order across the corpus: time, article, sentence, id. Sides are given in this order. */
export const compareFacts = (a: ConflictFacts, b: ConflictFacts): number =>
  a.t - b.t ||
  (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
  a.s0 - b.s0 ||
  (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0);

/** Competing accounts, in one article or across articles; null when they do not compete. */
export const competingAccount = (x: ConflictFacts, y: ConflictFacts): PairFinding | null => {
  if (x.type !== y.type || x.polarity !== 'asserted' || y.polarity !== 'asserted' || !disjointTopics(x, y) || sameReport(x, y)) return null;
  const [p, q] = compareFacts(x, y) <= 0 ? [x, y] : [y, x];
  const sameParties = sameList(p.actors, q.actors) && sameList(p.targets, q.targets);
  const topics = `${quote(p)} gives ${fmt(p.topics)}, ${quote(q)} gives ${fmt(q.topics)}`;
  if (p.articleId === q.articleId) {
    if (p.source === q.source && norm(p.mention) === norm(q.mention)) return null;
    const gap = q.s0 - p.s1;
    const shared = [...p.actors, ...p.targets].filter((party) => q.actors.includes(party) || q.targets.includes(party));
    if (q.cue && gap >= 1 && gap <= CONTRAST_REACH && shared.length) {
      return {
        kind: 'competing-account',
        basis: 'contrast-cue',
        why: `Two accounts of one ${p.type} involving ${fmt([...new Set(shared)])} in one article: ${topics}; the later sentence opens with "${q.cue}".`,
      };
    }
    if (sameParties && gap <= 1) {
      return {
        kind: 'competing-account',
        basis: 'adjacent',
        why: `Two accounts of one ${p.type} by the same parties in ${gap ? 'adjacent sentences' : 'one sentence'}: ${topics}.`,
      };
    }
    return null;
  }
  if (!sameParties || p.source === q.source || q.t - p.t > WINDOW_MS) return null;
  return {
    kind: 'competing-account',
    basis: 'cross-article',
    why: `Two articles within ${WINDOW_MS / 86_400_000} days report the same ${p.type} by the same parties differently: ${topics}.`,
  };
};

/** The source speaks for one of the actors: a party announcing its own deed. */
const selfReported = (f: ConflictFacts): boolean => f.actors.includes(f.source);

/** Whether `denied` is a denial of the asserted claim `asserted`: same key, within WINDOW_MS. */
export const denies = (denied: ConflictFacts, asserted: ConflictFacts): boolean =>
  denied.polarity === 'denied' && asserted.polarity === 'asserted' && Math.abs(denied.t - asserted.t) <= WINDOW_MS && keyOf(denied) === keyOf(asserted);

/** A denial's explanation: who denies how many asserted claims of which key. */
export const denialWhy = (mention: string, key: string, n: number): string =>
  `${mention ? `"${mention}"` : 'the outlet'} denies what ${n} asserted claim${n > 1 ? 's' : ''} of ${key} ` +
  `published within ${WINDOW_MS / 86_400_000} days of it state${n > 1 ? '' : 's'}.`;

/** The same act credited to different actors by different sources; null otherwise. */
export const actorDisagreement = (x: ConflictFacts, y: ConflictFacts): PairFinding | null => {
  if (x.type !== y.type || x.polarity !== 'asserted' || y.polarity !== 'asserted' || x.source === y.source || sameReport(x, y)) return null;
  if (!DEED_TYPES.has(x.type)) return null;
  if (!x.actors.length || !y.actors.length || overlaps(x.actors, y.actors)) return null;
  if (selfReported(x) && selfReported(y)) return null;
  if (!sameList(x.targets, y.targets) || primaryTopic(x.topics) !== primaryTopic(y.topics)) return null;
  if (x.articleId !== y.articleId && Math.abs(x.t - y.t) > WINDOW_MS) return null;
  const alike = similarity(x.words, y.words);
  if (alike < SAME_ACT_SIMILARITY) return null;
  const [p, q] = compareFacts(x, y) <= 0 ? [x, y] : [y, x];
  return {
    kind: 'actor-disagreement',
    basis: 'same-act',
    why: `The same ${p.type} (${Math.round(alike * 100)}% alike) is credited to ${fmt(p.actors)} by ${quote(p)} and to ${fmt(q.actors)} by ${quote(q)}.`,
  };
};
