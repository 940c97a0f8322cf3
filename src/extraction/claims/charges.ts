// Charges carried by what a reported clause says rather than by an accusation verb: "the
// ministry said the airstrike was unacceptable and violated its sovereignty", '"this farce is
// now public," the group said'. The speaker accuses; the accused is the other party the clause
// names, else the party the article's latest claims were about.
import type { ExtractedClaim } from '../../domain/claim-extractor.js';
import type { SourceRef } from '../../domain/claim.js';
import type { Frame } from '../attribution/frames.js';
import { BONDS, CHARGE_PAIRS, CHARGE_WORDS, CHOSEN_CHARGES, DENIAL_VERBS } from '../cues/lexicon.js';
import { clauseEnd, subjectOf, type SentenceView } from '../grammar.js';
import { isHedged } from '../hedging.js';
import { NEGATORS } from '../negation.js';
import { DOCUMENT_HEADS } from '../mentions/lexicon.js';
import type { Mention } from '../mentions/types.js';
import { topicsOf } from '../topics.js';
import { contextTarget, eventReferent, firstPartyIn, nearestPartyBefore } from './clause-targets.js';

/** Who speaks the words of [from, to): a frame of this sentence, or the quote the paragraph carries on. */
export interface Speech {
  speaker: Mention[];
  source: SourceRef;
  from: number;
  to: number;
}

/** The span each frame reports: after "X said", before "..., X said", all of "according to X". */
export const spokenSpans = (v: SentenceView, frames: Frame[]): Speech[] =>
  frames.map((f) => {
    const party = f.speaker.flatMap((m) => (m.group ? m.group.ranked.slice(0, m.group.n) : m.parties))[0] ?? null;
    const source: SourceRef = { party, mention: f.speaker.map((m) => m.text).join(' and '), cue: f.cue, via: f.via };
    if (f.kind === 'pre') return { speaker: f.speaker, source, from: f.at + 1, to: v.s.to };
    if (f.kind === 'post') return { speaker: f.speaker, source, from: v.s.from, to: f.speaker[0].from };
    return { speaker: f.speaker, source, from: v.s.from, to: v.s.to };
  });

/** The first charge word in [from, to) that no negation takes back, or -1. */
export const chargeWordIn = (v: SentenceView, from: number, to: number): number => {
  const { t } = v;
  for (let k = from; k < to; k++) {
    const w = t[k];
    const pair = CHARGE_PAIRS.get(w.norm);
    const charged =
      CHARGE_WORDS.has(w.norm) ||
      (pair !== undefined && k + 1 < to && pair.has(t[k + 1].norm)) ||
      (w.norm === 'against' && t.slice(k + 1, Math.min(to, k + 4)).some((x) => BONDS.has(x.norm))) ||
      (CHOSEN_CHARGES.has(w.norm) && k > v.s.from && (t[k - 1].pos === 'VERB' || t[k - 1].norm === "'s"));
    if (charged && !negatedBefore(v, k)) return k;
  }
  return -1;
};

const negatedBefore = (v: SentenceView, k: number): boolean => {
  for (let j = k - 1; j >= v.s.from && k - j <= 3; j--) if (NEGATORS.has(v.t[j].norm)) return true;
  return false;
};

/** An accusation made by what a speaker's words say, if they say a charge and name or imply an accused. */
export const attributedCharge = (v: SentenceView, speech: Speech, recentTargets: string[], lastSource: string | null): ExtractedClaim | null => {
  let speakerParties = [...new Set(speech.speaker.flatMap((m) => (m.group ? m.group.ranked.slice(0, m.group.n) : m.parties)))];
  // '"...," the statement said': a document no party is named for is the last speaker's.
  const document = speech.speaker.every((m) => m.kind === 'role' && !!m.role && DOCUMENT_HEADS.has(m.role));
  if (!speakerParties.length && document && lastSource) {
    speakerParties = [lastSource];
    speech = { ...speech, source: { ...speech.source, party: lastSource } };
  }
  // Content words alone are weak evidence: without a speaker we can place, no charge.
  if (!speakerParties.length) return null;
  const at = chargeWordIn(v, speech.from, speech.to);
  if (at < 0) return null;
  // International bodies are where a charge is taken, rarely who is charged: "in violation of the UN Charter".
  const exclude = new Set([...speakerParties, ...partiesOfKind(v, speech.from, speech.to, 'body')]);
  // The doer of the charged act is named before the charge word ("X has violated"), else after it ("violation by X").
  const named = nearestPartyBefore(v, speech.from, at, exclude) ?? firstPartyIn(v, at, speech.to, exclude);
  const act = named ? null : eventReferent(v, speech.from, at, exclude);
  const fromContext = named || act ? null : contextTarget(recentTargets, v.d.salient(v.s.index), exclude);
  const found = named ?? act;
  const targets = found ? found.parties.map((party) => ({ party, mention: found.mention })) : fromContext ? [{ party: fromContext, mention: 'context' }] : [];
  if (!targets.length) return null;
  const mention = speech.speaker.map((m) => m.text).join(' and ');
  const content = contentOf(v, speech.from, speech.to);
  const { s } = v;
  return {
    type: 'AccusationLevelled',
    actors: speakerParties.map((party) => ({ party, mention })),
    targets,
    content,
    source: speech.source,
    evidence: { text: s.text, start: s.start, end: s.end },
    hedged: isHedged(v, at),
    polarity: 'asserted',
    topics: topicsOf(content, s.text),
  };
};

/** The reported words without the quotes and punctuation around them. */
const contentOf = (v: SentenceView, from: number, to: number): string => {
  const { t } = v;
  let first = from;
  let last = to;
  while (first < last && /^(that|[,"“”’:])$/.test(t[first].norm)) first++;
  while (last > first && /^[,"“”’.:;]$/.test(t[last - 1].text)) last--;
  return first < last ? v.a.text.slice(t[first].start, t[last - 1].end) : '';
};

/** Parties of `kind` that [from, to) names. */
const partiesOfKind = (v: SentenceView, from: number, to: number, kind: string): string[] => {
  const out: string[] = [];
  for (let k = from; k < to; k++) for (const p of v.at.get(k)?.parties ?? []) if (v.d.kindOf(p) === kind) out.push(p);
  return out;
};

/**
 * "Turkish Defence Minister X denied that any violation had taken place": a denial of a charge, by
 * the party charged, of the accusation the article reported last (its accuser stays the actor).
 */
export const deniedCharge = (v: SentenceView, lastAccusation: ExtractedClaim | null): ExtractedClaim | null => {
  const { t, s } = v;
  for (let k = s.from; k + 1 < s.to; k++) {
    if (t[k].pos !== 'VERB' || !DENIAL_VERBS.has(t[k].lemma) || t[k + 1].norm !== 'that') continue;
    const end = clauseEnd(v, k + 1);
    if (chargeWordIn(v, k + 2, end) < 0) continue;
    const denier = subjectOf(v, k).filter((m) => m.parties.length);
    if (!denier.length) continue;
    const mention = denier.map((m) => m.text).join(' and ');
    const parties = [...new Set(denier.flatMap((m) => m.parties))];
    const content = contentOf(v, k + 2, end);
    return {
      type: 'AccusationLevelled',
      actors: lastAccusation?.actors.length ? lastAccusation.actors : [{ party: null, mention: '' }],
      targets: parties.map((party) => ({ party, mention })),
      content,
      source: { party: parties[0], mention, cue: t[k].text, via: null },
      evidence: { text: s.text, start: s.start, end: s.end },
      hedged: isHedged(v, k),
      polarity: 'denied',
      topics: topicsOf(content, s.text),
    };
  }
  return null;
};
