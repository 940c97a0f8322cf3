import { coordinatedFrom, isActor, subjectOf, type SentenceView } from '../grammar.js';
import type { Mention } from '../mentions/types.js';
import { NOT_OUTLETS, PARTICIPLE_REPORTERS, REPORTING_VERBS, VIA_OPENERS } from './lexicon.js';

/**
 * A reporting frame: who the article cites for the words around a reporting cue.
 *  - 'pre':   "X said (that) ...", "X told Reuters ..."   — covers what follows the verb
 *  - 'post':  "..., X said." / '"...," said X.'           — covers what precedes it
 *  - 'according': "according to X"                        — covers the whole sentence
 */
export interface Frame {
  kind: 'pre' | 'post' | 'according';
  /** Token index of the cue ("said", "according"). */
  at: number;
  speaker: Mention[];
  cue: string;
  via: string | null;
}

export const findFrames = (v: SentenceView): Frame[] => {
  const frames: Frame[] = [];
  const { t, s } = v;
  for (let k = s.from; k < s.to; k++) {
    const tok = t[k];
    if (tok.norm === 'according' && t[k + 1]?.norm === 'to') {
      const speaker = coordinatedFrom(v, k + 2).filter(isActor);
      if (speaker.length) frames.push({ kind: 'according', at: k, speaker, cue: 'according to', via: viaAfter(v, speaker[speaker.length - 1].to) });
      continue;
    }
    if (tok.pos !== 'VERB' || !REPORTING_VERBS.has(tok.lemma) || v.at.has(k)) continue;
    // "officials briefed on the talks": a participle describing the speaker, not a report.
    if (PARTICIPLE_REPORTERS.has(tok.lemma) && /^(on|about)$/.test(t[k + 1]?.norm ?? '')) continue;
    let speaker = subjectOf(v, k);
    let inverted = false;
    if (!speaker.length && k > s.from && /^[,"”’]$/.test(t[k - 1].text)) {
      speaker = coordinatedFrom(v, k + 1).filter(isActor);
      inverted = speaker.length > 0;
    }
    // "..., the official news agency IRNA reported": an outlet relays the report; it is not its source.
    if (!speaker.length || speaker.every(isOutlet)) continue;
    const after = inverted ? speaker[speaker.length - 1].to : k + 1;
    // '"...," the ministry said' reports the quote before it, whatever follows; ", X said." ends a sentence.
    const before = t[speaker[0].from - 1]?.text ?? '';
    const afterQuote = /^["”]$/.test(before) || (before === ',' && /^["”]$/.test(t[speaker[0].from - 2]?.text ?? ''));
    const post = afterQuote || (isSentenceFinal(v, after) && (inverted || before === ','));
    frames.push({ kind: post ? 'post' : 'pre', at: k, speaker, cue: tok.text, via: viaAfter(v, tok.lemma === 'tell' ? k : after) });
  }
  return frames;
};

/** Only a short adjunct ("on Tuesday", "in a statement") stands between here and the full stop. */
const isSentenceFinal = (v: SentenceView, k: number): boolean => {
  let n = 0;
  for (let j = k; j < v.s.to; j++) {
    if (v.t[j].pos === 'PUNCT') continue;
    if (v.t[j].pos === 'VERB' || ++n > 6) return false;
  }
  return true;
};

const viaAfter = (v: SentenceView, k: number): string | null => {
  const { t, s } = v;
  for (let j = k; j < Math.min(s.to, k + 12); j++) {
    for (const opener of VIA_OPENERS) {
      if (!opener.every((w, o) => t[j + o]?.norm === w)) continue;
      const start = j + opener.length;
      let end = start;
      while (end < s.to && (t[end].pos === 'PROPN' || (end > start && t[end].text === '-')) && !NOT_OUTLETS.has(t[end].norm)) end++;
      if (end > start) return v.a.text.slice(t[start].start, t[end - 1].end);
    }
  }
  return null;
};

/**
 * "X said ..., but aid groups accused ...": a clause opened by "but" or a semicolon with a subject
 * of its own is the outlet's again, out of the reach of a reporting verb before it.
 */
const scopeEnds = (v: SentenceView, from: number, to: number): boolean => {
  for (let j = from + 1; j < to; j++) {
    if (v.t[j].text === ';') return true;
    if (v.t[j].norm === 'but' && v.t[j - 1].text === ',' && isActor(v.at.get(j + 1)) && v.at.get(j + 1)!.to <= to) return true;
  }
  return false;
};

/** "Talks are in crisis, the group said, while ...": "said," after a clause reports that clause; "Also, he said, ..." does not. */
const closesEarlierReport = (v: SentenceView, f: Frame): boolean => v.t[f.at + 1]?.text === ',' && f.speaker[0].from - v.s.from > 3;

/** The frame that cites the source of a cue at token `k`: the outermost one covering it. */
export const frameFor = (v: SentenceView, frames: Frame[], k: number): Frame | null => {
  const covering = [
    ...frames.filter((f) => f.kind === 'according'),
    ...frames.filter((f) => f.kind === 'pre' && f.at < k && !closesEarlierReport(v, f) && !scopeEnds(v, f.at, k)),
    ...frames.filter((f) => f.kind === 'post' && f.at > k),
  ];
  // A speaker we cannot place ("the presidential palace") yields to one we can, if any.
  return covering.find((f) => f.speaker.some((m) => m.parties.length || m.group)) ?? covering[0] ?? null;
};

const isOutlet = (m: Mention): boolean => !m.parties.length && !!m.role && OUTLET_HEADS.has(m.role);

/** Heads of phrases that name news outlets: "state broadcaster ERT", "the official news agency". */
const OUTLET_HEADS = new Set([
  'broadcaster',
  'agency',
  'newspaper',
  'daily',
  'television',
  'tv',
  'radio',
  'outlet',
  'channel',
  'network',
  'media',
  'website',
  'tabloid',
  'weekly',
]);

/**
 * ", state broadcaster ERT reported.": an outlet that relays the report, at the end of the sentence.
 * It cites no party of its own; the claim keeps its source and names the outlet as `via`. Returns the
 * outlet's name and the token where the trailing phrase starts (the content ends before it).
 */
export const trailingOutlet = (v: SentenceView): { via: string; from: number } | null => {
  const { t, s } = v;
  let end = s.to;
  while (end > s.from && t[end - 1].pos === 'PUNCT') end--;
  const verb = end - 1;
  if (verb <= s.from || t[verb].lemma !== 'report' || t[verb].pos !== 'VERB') return null;
  let comma = verb - 1;
  while (comma > s.from && t[comma].text !== ',' && verb - comma <= 6) comma--;
  if (t[comma].text !== ',') return null;
  const phrase = t.slice(comma + 1, verb);
  if (!phrase.some((x) => OUTLET_HEADS.has(x.norm) || OUTLET_HEADS.has(x.lemma))) return null;
  const names = phrase.filter((x) => x.pos === 'PROPN');
  const named = names.length ? names : phrase;
  return { via: v.a.text.slice(named[0].start, named[named.length - 1].end), from: comma };
};
