// A competing account of what a meeting was about: "However, a ministry spokesman said the focus of
// the talks was largely on X". No claim verb marks it, yet analysts read it as the speaker's side
// raising X — the other half of a conflict over one occasion. Kept narrow on purpose: the sentence
// must open with a contrast cue, cite someone, and name what the meeting "focused on".
import type { PartyRef } from '../../domain/claim.js';
import type { ExtractedClaim } from '../../domain/claim-extractor.js';
import { frameFor, type Frame } from '../attribution/frames.js';
import { contrastCue } from '../cues/contrast.js';
import { MEETING_NOUNS } from '../cues/lexicon.js';
import { clauseEnd, type SentenceView } from '../grammar.js';
import { isHedged } from '../hedging.js';
import { topicsOf } from '../topics.js';

const FOCUS_NOUNS = new Set(['focus', 'emphasis', 'thrust', 'subject', 'topic']);
const FOCUS_VERBS = new Set(['focus', 'centre', 'center', 'concentrate', 'revolve', 'dwell']);
const POSSESSIVES = new Set(['the', 'their', 'this', 'that', 'its']);

/** Where the account names what the meeting was about: the token after "on"/"about", or -1. */
const focusAt = (v: SentenceView): number => {
  const { t, s } = v;
  for (let k = s.from + 1; k < s.to - 4; k++) {
    const w = t[k];
    let j = -1;
    // "the focus of the conversation was (largely) on"
    if (FOCUS_NOUNS.has(w.norm) && t[k + 1].norm === 'of' && POSSESSIVES.has(t[k + 2].norm) && MEETING_NOUNS.has(t[k + 3].norm)) {
      j = k + 4;
      if (t[j]?.lemma !== 'be') continue;
    } else if (MEETING_NOUNS.has(w.norm) && POSSESSIVES.has(t[k - 1].norm) && FOCUS_VERBS.has(t[k + 1]?.lemma ?? '')) {
      // "the talks focused (mainly) on"
      j = k + 1;
    } else continue;
    j++;
    while (j < s.to && t[j].pos === 'ADV') j++;
    if (j < s.to && (t[j].norm === 'on' || t[j].norm === 'about' || t[j].norm === 'around')) return j + 1;
  }
  return -1;
};

const speakerRefs = (frame: Frame): PartyRef[] => {
  const out: PartyRef[] = [];
  for (const m of frame.speaker) {
    const parties = m.group ? m.group.ranked.slice(0, m.group.n) : m.parties;
    for (const party of parties) if (!out.some((r) => r.party === party)) out.push({ party, mention: m.text });
  }
  return out;
};

export const competingFocusClaim = (v: SentenceView, frames: Frame[], meeting: string[] | null): ExtractedClaim | null => {
  const { t, s } = v;
  if (!contrastCue(s.text)) return null;
  const from = focusAt(v);
  if (from < 0) return null;
  const frame = frameFor(v, frames, from);
  if (!frame) return null;
  const actors = speakerRefs(frame);
  if (!actors.length) return null;
  const mine = new Set(actors.map((a) => a.party));
  const end = clauseEnd(v, from - 1);
  const targets: PartyRef[] = [];
  for (let j = from; j < end; j++) {
    const m = v.at.get(j);
    if (!m || m.from !== j) continue;
    for (const party of m.parties) if (!mine.has(party) && !targets.some((r) => r.party === party)) targets.push({ party, mention: m.text });
  }
  // Nobody named in what it was about: the account is addressed to the other side of the meeting.
  if (!targets.length && meeting) for (const party of meeting) if (!mine.has(party)) targets.push({ party, mention: 'meeting counterpart' });
  let last = Math.min(end, from + 16);
  while (last > from + 1 && /^[,;:—–-]$/.test(t[last - 1].text)) last--;
  const content = from < last ? v.a.text.slice(t[from].start, t[last - 1].end) : '';
  return {
    type: 'ConcernRaised',
    actors,
    targets,
    content,
    source: { party: actors[0].party, mention: frame.speaker.map((m) => m.text).join(' and '), cue: frame.cue, via: frame.via },
    evidence: { text: s.text, start: s.start, end: s.end },
    hedged: isHedged(v, from - 1),
    polarity: 'asserted',
    topics: topicsOf(content, s.text),
  };
};
