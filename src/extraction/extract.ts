import type { SourceRef } from '../domain/claim.js';
import type { ArticleText, ExtractedClaim } from '../domain/claim-extractor.js';
import { findFrames, frameFor } from './attribution/frames.js';
import { buildClaim, opensWithMeeting, type ClaimContext } from './claims/build.js';
import { attributedCharge, deniedCharge, spokenSpans, type Speech } from './claims/charges.js';
import { competingFocusClaim } from './claims/competing-focus.js';
import { absorbRestatement } from './claims/restated.js';
import { findCues } from './claims/cues.js';
import { contrastCue } from './cues/contrast.js';
import { MEETING_VERBS } from './cues/lexicon.js';
import { objectOf, subjectOf, type SentenceView } from './grammar.js';
import { detectMentions } from './mentions/detect.js';
import { Discourse } from './mentions/discourse.js';
import { analyze, type Sentence, type Token } from './nlp.js';
import { restorePastVerbs } from './past-forms.js';
import { findDefinedParties, matchDefined, mergeMatches } from './parties/defined-parties.js';
import { dropOwnedMetonyms } from './parties/owned-metonyms.js';
import { partyIndex, type PartyMatch } from './parties/party-index.js';

/** A denial of a charge told before, else a charge the cited words carry; one per sentence. */
const contentClaim = (
  v: SentenceView,
  speeches: Speech[],
  lastAccusation: ExtractedClaim | null,
  recentTargets: string[],
  lastSource: string | null,
): ExtractedClaim | null => {
  const denial = deniedCharge(v, lastAccusation);
  if (denial) return denial;
  for (const speech of speeches) {
    const charge = attributedCharge(v, speech, recentTargets, lastSource);
    if (charge) return charge;
  }
  return null;
};

interface OpenQuote {
  paragraph: number;
  speech: Speech;
}

/**
 * The pipeline, sentence by sentence in reading order: party names → mentions of actors
 * (resolved against what came before) → reporting frames → claim cues → claims.
 */
export const extractClaims = (article: ArticleText): ExtractedClaim[] => {
  const a = analyze(article.body);
  restorePastVerbs(a);
  const d = new Discourse();
  const parties = partyIndex();
  const defined = findDefinedParties(a, parties);
  // Each sentence's dictionary names, found once: the sentences before it look ahead at them.
  const dictionaryMatches = a.sentences.map((s) => parties.match(a.tokens, s.from, s.to));
  // Each sentence's longest list of parties, for the sentences before it that name a group by region.
  const partyLists = dictionaryMatches.map((matches) => coordinatedList(a.tokens, matches));
  for (const party of defined) d.defineKind(party.info.id, party.info.kind);
  const claims: ExtractedClaim[] = [];
  let carried: { paragraph: number; source: SourceRef } | null = null;
  let lastInvitation: ExtractedClaim | null = null;
  let lastAccusation: ExtractedClaim | null = null;
  let recentTargets: string[] = [];
  /** A quote opened by a speaker and not yet closed: the next sentence of the paragraph is theirs too. */
  let openQuote = null as OpenQuote | null;

  for (const s of a.sentences) {
    d.upcomingList = upcomingList(partyLists, s.index);
    const found = dropOwnedMetonyms(mergeMatches(dictionaryMatches[s.index], matchDefined(defined, a.tokens, s.from, s.to)), a.tokens);
    const { mentions, at } = detectMentions(a, s, found, d);
    const v: SentenceView = { a, s, t: a.tokens, mentions, at, d };
    const frames = findFrames(v);
    const meeting = opensWithMeeting(v) && d.lastMeeting && d.lastMeeting.sentence >= s.index - 2 ? d.lastMeeting.parties : null;
    const ctx: ClaimContext = {
      frames,
      meeting,
      lastInvitation,
      lastAccusation,
      recentTargets,
      lastSource: claims.at(-1)?.source.party ?? null,
      carried: carried && carried.paragraph === s.paragraph && !frames.length ? carried.source : null,
    };
    // Claims of this sentence are claims[first..]: no scan of the article's claims per sentence.
    const first = claims.length;
    let coveredUntil = -1;
    for (const hit of findCues(v)) {
      // A cue inside the content of an earlier claim is part of it: "pledged to guarantee ...".
      if (hit.cue < coveredUntil) continue;
      const built = buildClaim(v, hit, ctx);
      if (!built) continue;
      const { claim } = built;
      coveredUntil = built.contentEnd;
      if (absorbRestatement(claim, claims.slice(first))) continue;
      claims.push(claim);
      const actorParties = [...new Set(claim.actors.map((r) => r.party).filter((p): p is string => !!p))];
      if (actorParties.length > 1) d.lastPlural = { sentence: s.index, parties: actorParties };
      if (claim.type === 'InvitationExtended') lastInvitation = claim;
      if (claim.type === 'AccusationLevelled') lastAccusation = claim;
      const targetParties = claim.targets.map((r) => r.party).filter((p): p is string => !!p);
      if (targetParties.length) ctx.recentTargets = recentTargets = targetParties;
      ctx.lastInvitation = lastInvitation;
      ctx.lastAccusation = lastAccusation;
    }
    const speeches = spokenSpans(v, frames);
    const quoted: Speech | null = openQuote && openQuote.paragraph === s.paragraph && !frames.length ? { ...openQuote.speech, from: s.from, to: s.to } : null;
    if (quoted) speeches.push(quoted);
    // Content is weaker evidence than a cue: a sentence whose cues made claims says what it claims.
    if (claims.length === first) {
      const charge = contentClaim(v, speeches, lastAccusation, recentTargets, claims.at(-1)?.source.party ?? null);
      if (charge) claims.push(charge);
    }
    openQuote = quotesLeftOpen(v) ? (quoted ? null : speeches[0] ? { paragraph: s.paragraph, speech: speeches[0] } : null) : quoted ? openQuote : null;
    if (claims.length === first) {
      const focus = competingFocusClaim(v, frames, d.lastMeeting && d.lastMeeting.sentence >= s.index - 3 ? d.lastMeeting.parties : null);
      if (focus) claims.push(focus);
    }
    placeClaims(claims.slice(first), s);
    noteMeetings(v);
    const frame = frameFor(v, frames, s.to);
    const lastClaim = claims.at(-1);
    const own = lastClaim && lastClaim.evidence.start === s.start ? lastClaim.source : null;
    const src: SourceRef | null = frame ? own : ctx.carried;
    carried = src ? { paragraph: s.paragraph, source: src } : null;
  }
  return claims;
};

/** Each claim records its sentence, so read models need not split the text again. */
const placeClaims = (found: ExtractedClaim[], s: Sentence): void => {
  const cue = contrastCue(s.text);
  for (const claim of found) {
    claim.sentence = s.index;
    if (cue) claim.contrastCue = cue;
  }
};

/** The first list of two or more parties that the next two sentences give. */
const upcomingList = (lists: string[][], sentence: number): string[] => lists.slice(sentence + 1, sentence + 3).find((list) => list.length > 1) ?? [];

/** The longest run of party names joined by commas and "and": "France, Germany, Italy and Poland". */
const coordinatedList = (tokens: Token[], matches: PartyMatch[]): string[] => {
  let best: string[] = [];
  let run: string[] = [];
  for (let i = 0; i < matches.length; i++) {
    const joined =
      i > 0 &&
      /^(,|and|, and)$/.test(
        tokens
          .slice(matches[i - 1].to, matches[i].from)
          .map((x) => x.norm)
          .join(' '),
      );
    run = joined ? [...run, matches[i].id] : [matches[i].id];
    if (run.length > best.length) best = run;
  }
  return [...new Set(best.filter(Boolean))];
};

/** An odd number of straight or curly double quotes: the sentence opens or closes a quote it does not finish. */
const quotesLeftOpen = (v: SentenceView): boolean => {
  let n = 0;
  for (let k = v.s.from; k < v.s.to; k++) if (/^["“”]$/.test(v.t[k].text)) n++;
  return n % 2 === 1;
};

/** "X met (with) Y": what is said "during the meeting" is said to the other side. */
const noteMeetings = (v: SentenceView): void => {
  for (let k = v.s.from; k < v.s.to; k++) {
    if (v.t[k].pos !== 'VERB' || !MEETING_VERBS.has(v.t[k].lemma)) continue;
    const who = [...subjectOf(v, k), ...objectOf(v, k)].flatMap((m) => m.parties);
    if (new Set(who).size > 1) v.d.lastMeeting = { sentence: v.s.index, parties: [...new Set(who)] };
  }
};
