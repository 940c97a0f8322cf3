import type { PartyRef, SourceRef } from '../../domain/claim.js';
import type { ExtractedClaim } from '../../domain/claim-extractor.js';
import { frameFor, trailingOutlet, type Frame } from '../attribution/frames.js';
import { DENIAL_VERBS, MEETING_NOUNS, RECEIVING_VERBS } from '../cues/lexicon.js';
import { DOCUMENT_HEADS } from '../mentions/lexicon.js';
import { agentOf, antecedentOf, clauseEnd, coordinatedFrom, isActor, isPassive, objectOf, phraseParties, subjectOf, type SentenceView } from '../grammar.js';
import { isHedged } from '../hedging.js';
import type { Mention } from '../mentions/types.js';
import { isDenied } from '../negation.js';
import { topicsOf } from '../topics.js';
import { bareNounAuthor } from './bare-nouns.js';
import { contextTarget, eventReferent, firstPartyIn } from './clause-targets.js';
import type { CueHit } from './cues.js';

/** What a sentence's claims may take from earlier sentences. */
export interface ClaimContext {
  frames: Frame[];
  /** The source of the previous sentence, for "They also ..." in the same paragraph. */
  carried: SourceRef | null;
  lastInvitation: ExtractedClaim | null;
  lastAccusation: ExtractedClaim | null;
  /** Parties of the meeting "during the talks" refers to, when the sentence opens that way. */
  meeting: string[] | null;
  /** The party of the latest claim's source: who issued "the statement" a later sentence quotes. */
  lastSource: string | null;
  /** Targets of the article's latest claims, newest first: what "the attack" points back to. */
  recentTargets: string[];
}

const RELATIVE = new Set(['which', 'whom', 'who', 'that']);
const CONTENT_LINKS = new Set(['to', 'of', 'that', ',', 'about', 'over', 'regarding', 'concerning', 'including', 'on', 'at', 'for', 'by', 'as', 'the']);

const refs = (ms: Mention[], exclude: Set<string> = new Set()): PartyRef[] => {
  const out: PartyRef[] = [];
  for (const m of ms) {
    const parties = m.group ? m.group.ranked.filter((p) => !exclude.has(p)).slice(0, m.group.n) : m.parties;
    if (!parties.length) out.push({ party: null, mention: m.text });
    for (const p of parties) if (!out.some((r) => r.party === p)) out.push({ party: p, mention: m.text });
  }
  return out;
};

const partyRefs = (ids: string[], mention: string): PartyRef[] => [...new Set(ids)].map((party) => ({ party, mention }));

export const buildClaim = (v: SentenceView, hit: CueHit, ctx: ClaimContext): { claim: ExtractedClaim; contentEnd: number } | null => {
  const { t, s } = v;
  const frame = frameFor(v, ctx.frames, hit.cue);
  const speaker = frame ? frame.speaker : [];
  const passive = hit.form === 'verb' && isPassive(v, hit.cue);

  // "Thailand's army said Cambodian troops had fired ..., and accused Phnom Penh of ...": not Cambodia.
  const objectParties = hit.form === 'verb' && hit.type === 'AccusationLevelled' ? new Set(objectOf(v, hit.cue).flatMap((m) => m.parties)) : null;
  const selfAccusing = (ms: Mention[]) => !!objectParties?.size && ms.every((m) => m.parties.length > 0 && m.parties.every((p) => objectParties.has(p)));
  const bare = hit.bare ? bareNounAuthor(v, hit, frame) : null;
  let actorMs = bare ? bare.author : passive ? agentOf(v, hit.cue) : (infinitiveSubject(v, hit) ?? subjectOf(v, hit.head, 0, selfAccusing));
  // "was condemned by human rights groups": an author who is no party makes no claim between parties.
  if (passive && actorMs.length && actorMs.every(isNonPartyAuthor)) return null;
  // A noun that nobody is said to author is no claim of anyone's: "amid concerns".
  if (hit.bare && !actorMs.length) return null;
  if (!actorMs.length) actorMs = agentOf(v, hit.head);
  // "denied inviting", "refused to promise": the governing verb's subject is the author.
  if (!actorMs.length && hit.form === 'verb') {
    let j = hit.cue - 1;
    while (j > s.from && (t[j].pos === 'ADV' || t[j].pos === 'PART')) j--;
    if (t[j]?.pos === 'VERB') actorMs = subjectOf(v, j);
  }
  // '"There are no words to condemn the attack," the president said': a subjectless cue in cited words is the speaker's.
  if (!actorMs.length && frame && !passive && hit.form !== 'noun') actorMs = frame.speaker;
  let targetMs: Mention[] = [];
  let targetIds: string[] | null = null;
  let actors: PartyRef[] | null = null;
  // "Athens had not yet accepted the invitation": a negated acceptance leaves the invitation standing.
  const receiving = hit.form === 'noun' && !!hit.light && RECEIVING_VERBS.has(hit.light);
  let polarity: 'asserted' | 'denied' = !receiving && isDenied(v, hit.form === 'noun' ? hit.head : hit.cue) ? 'denied' : 'asserted';
  let contentFrom = hit.cue + 1;

  // "We are deeply concerned": inside a quote, the first person is whoever the frame cites.
  actorMs = actorMs.flatMap((m) => (m.firstPerson ? speaker : [m]));
  // "The statement accused ...": a document no party is named for speaks for whoever issued the last one.
  actorMs = actorMs.map((m) => (isAnonymousDocument(m) && ctx.lastSource ? { ...m, parties: [ctx.lastSource] } : m));

  if (hit.form === 'noun' && hit.light && (RECEIVING_VERBS.has(hit.light) || DENIAL_VERBS.has(hit.light))) {
    // "X accepted the invitation", "Y rejected the accusation": the act is someone else's, told before.
    const prior = hit.type === 'InvitationExtended' ? ctx.lastInvitation : ctx.lastAccusation;
    const agent = agentOf(v, hit.cue);
    if (DENIAL_VERBS.has(hit.light)) polarity = 'denied';
    if (agent.length) actors = refs(agent);
    else if (prior) actors = prior.actors;
    if (hit.light === 'accept' || hit.light === 'receive' || hit.light === 'decline' || DENIAL_VERBS.has(hit.light)) targetMs = actorMs;
    else if (prior) targetIds = prior.targets.map((r) => r.party).filter((p): p is string => !!p);
    // With no earlier act to point to, the author stays unknown but the denial is kept.
    actors ??= [{ party: null, mention: v.a.text.slice(t[hit.cue].start, t[hit.cue].end) }];
    if (!targetMs.length && !targetIds && prior) targetIds = prior.targets.map((r) => r.party).filter((p): p is string => !!p);
    if (!targetMs.length && !targetIds) targetIds = [];
  }
  // "was accused of shelling the town" with nobody named: the charge is kept, its author unknown.
  if (!actors && !actorMs.length && passive) actors = [{ party: null, mention: '' }];
  if (!actors && !actorMs.length) return null;
  actors ??= refs(actorMs);
  const actorSet = new Set(actors.map((a) => a.party).filter((p): p is string => !!p));

  if (!targetIds && !targetMs.length) {
    if (passive) targetMs = subjectOf(v, hit.head);
    else if (hit.type === 'InvitationExtended' || hit.type === 'AccusationLevelled') {
      const next = t[hit.cue + 1]?.norm;
      // "accused X", "charged that X ...", "levelled accusations against X", "allegations that X ...".
      if (next === 'that' || (hit.form === 'noun' && next === 'against')) targetMs = coordinatedFrom(v, hit.cue + 2).filter(isActor);
      // "Kenya's invitation to Ethiopia", "extended invitations to X": the invited follow the noun.
      else if (hit.form === 'noun' && hit.type === 'InvitationExtended' && next === 'to') targetMs = coordinatedFrom(v, hit.cue + 2).filter(isActor);
      // "filed a complaint with the UN against X": whoever receives a protest is not its target.
      else if (hit.form === 'noun' && (next === 'with' || next === 'to')) targetMs = [];
      else targetMs = objectOf(v, hit.cue);
      // "accused a Philippine vessel of ...": a thing of one party's stands for that party.
      if (!targetMs.length && hit.form === 'verb') targetMs = partyThingAfter(v, hit.cue);
      // "hosted talks between Tehran and Washington": the host invites those who talk.
      if (!targetMs.length && t[hit.cue].lemma === 'host') targetIds = betweenParties(v, hit.cue);
      // "the UAE, which Sudan accuses of ...": the object is the relative pronoun's antecedent.
      if (!targetMs.length && actorMs.length && actorMs[0].from > s.from && RELATIVE.has(t[actorMs[0].from - 1].norm))
        targetMs = antecedentOf(v, actorMs[0].from - 1);
      if (targetMs.length) contentFrom = targetMs[targetMs.length - 1].to;
    } else if (hit.type === 'PledgeMade') {
      targetIds = pledgeTargets(v, hit);
    } else if (hit.urging) {
      targetMs = objectOf(v, hit.cue);
    } else {
      targetIds = concernTargets(v, hit);
    }
  }
  let targets = targetMs.length ? refs(targetMs, actorSet) : partyRefs(targetIds ?? [], '');
  targets = targets.filter((r) => !r.party || !actorSet.has(r.party));
  // "X and Y accused each other": a mutual act has every actor for a target.
  if (!targets.length && actors.length > 1 && isReciprocal(v, hit.cue + 1)) {
    targets = actors.map((r) => ({ party: r.party, mention: v.a.text.slice(t[hit.cue + 1].start, t[hit.cue + 2].end) }));
    contentFrom = hit.cue + 3;
  }
  if (targetMs.length === 0 && targetIds) {
    targets = targetIds.filter((p) => !actorSet.has(p)).map((p) => ({ party: p, mention: mentionOf(v, p) }));
  }
  if (!targets.length && ctx.meeting && (hit.type === 'PledgeMade' || hit.type === 'ConcernRaised')) {
    targets = ctx.meeting.filter((p) => !actorSet.has(p)).map((p) => ({ party: p, mention: 'meeting counterpart' }));
  }

  const outlet = trailingOutlet(v);
  const end = Math.min(clauseEnd(v, hit.cue), outlet && outlet.from > hit.cue ? outlet.from : v.s.to);
  if (!targets.length && (hit.type === 'AccusationLevelled' || hit.type === 'ConcernRaised')) targets = chargedParties(v, hit, end, actorSet, ctx);
  while (contentFrom < end && /^[”’"]$/.test(t[contentFrom].text)) contentFrom++;
  // What is claimed, without the words that link it to the cue: "concerns about X" is about X, "pledged to do Y" is Y.
  while (contentFrom + 1 < end && CONTENT_LINKS.has(t[contentFrom].norm)) contentFrom++;
  let last = Math.min(end, contentFrom + 24);
  while (last > contentFrom + 1 && /^[,;:—–-]$/.test(t[last - 1].text)) last--;
  const words = t.slice(Math.min(contentFrom, end - 1), last);
  const content = words.length ? v.a.text.slice(words[0].start, words[words.length - 1].end) : '';

  // Who accepts or rejects someone else's act speaks for themselves: "Washington rejected the accusation".
  const speaking =
    hit.form === 'noun' && hit.light && (RECEIVING_VERBS.has(hit.light) || DENIAL_VERBS.has(hit.light)) && actorMs.length ? refs(actorMs) : actors;
  const cited = sourceOf(bare?.named ? null : frame, speaking, actorMs, t[hit.cue].text, ctx.carried);
  const source = outlet && !cited.via ? { ...cited, via: outlet.via } : cited;
  const evidence = { text: s.text, start: s.start, end: s.end };
  return {
    claim: {
      type: hit.type,
      actors,
      targets,
      content,
      source,
      evidence,
      hedged: isHedged(v, hit.cue),
      polarity,
      topics: topicsOf(content, s.text),
    },
    contentEnd: end,
  };
};

/**
 * "summoned the envoy to protest ...", "urged the Council to condemn ...": an infinitive cue is the
 * act of whoever governs it, not of the object between them.
 */
const infinitiveSubject = (v: SentenceView, hit: CueHit): Mention[] | null => {
  const { t, s } = v;
  // "summoned the envoy to convey their protest": for a noun, its light verb is the infinitive.
  const verb = hit.form === 'verb' ? hit.cue : hit.form === 'noun' && hit.light ? hit.head : -1;
  if (verb < 0 || verb - 1 <= s.from || t[verb - 1].norm !== 'to') return null;
  for (let j = verb - 2; j >= s.from && verb - j <= 10; j--) {
    if (t[j].pos === 'VERB' && !v.at.get(j)) {
      const subject = subjectOf(v, j);
      return subject.length ? subject : null;
    }
    if (t[j].pos === 'PUNCT' && !/^[-"“”]$/.test(t[j].text)) return null;
  }
  return null;
};

/** Who a charge or concern is about when no object names them: the clause, then the article's thread. */
const chargedParties = (v: SentenceView, hit: CueHit, end: number, actorSet: Set<string>, ctx: ClaimContext): PartyRef[] => {
  const addressee = hit.form === 'noun' && /^(with|to)$/.test(v.t[hit.cue + 1]?.norm ?? '') ? phraseParties(v, hit.cue + 2) : null;
  const from = addressee ? addressee.end : hit.cue + 1;
  const exclude = new Set([...actorSet, ...(addressee?.parties ?? [])]);
  const charge = hit.type === 'AccusationLevelled';
  // "condemned the airstrike on the camp as a breach of Iraq's sovereignty": the condemned act's
  // own phrase ("the attack by X", "X's raid") first, then the act named before, then the clause.
  const object = charge ? skipAdverbs(v, from) : from;
  const ownParties = charge ? phraseParties(v, object, true).parties.filter((p) => !exclude.has(p)) : [];
  if (ownParties.length) return partyRefs(ownParties, v.at.get(object)?.text ?? '');
  const act = charge ? eventReferent(v, object, Math.min(end, object + 1), exclude) : null;
  if (act) return partyRefs(act.parties, act.mention);
  const inClause = firstPartyIn(v, from, end, exclude);
  if (inClause) return partyRefs(inClause.parties, inClause.mention);
  // A concern may be about a situation nobody is blamed for; a charge always has someone in view.
  if (!charge) return [];
  const fromContext = contextTarget(ctx.recentTargets, v.d.salient(v.s.index), actorSet);
  return fromContext ? partyRefs([fromContext], 'context') : [];
};

/** The object after adverbs and opening quotes: "condemned outright the attack". */
const skipAdverbs = (v: SentenceView, k: number): number => {
  let j = k;
  while (j < v.s.to && (v.t[j].pos === 'ADV' || /^["“”]$/.test(v.t[j].text))) j++;
  return j;
};

/** The phrase right after a verb when it is a thing that names exactly one party: "a Philippine vessel". */
const partyThingAfter = (v: SentenceView, verb: number): Mention[] => {
  const m = v.at.get(verb + 1);
  return m && m.from === verb + 1 && m.kind === 'other' && m.parties.length === 1 && /^(DET|ADJ|PROPN)$/.test(v.t[m.from].pos) ? [m] : [];
};

const betweenParties = (v: SentenceView, k: number): string[] => {
  const end = clauseEnd(v, k);
  for (let j = k + 1; j < end && j < k + 10; j++) if (v.t[j].norm === 'between') return phraseParties(v, j + 1).parties;
  return [];
};

const isReciprocal = (v: SentenceView, k: number): boolean =>
  k + 1 < v.s.to && ((v.t[k].norm === 'each' && v.t[k + 1].norm === 'other') || (v.t[k].norm === 'one' && v.t[k + 1].norm === 'another'));

const mentionOf = (v: SentenceView, party: string): string => v.mentions.find((m) => m.parties.includes(party))?.text ?? party;

/** Authors outside the parties' world: rights groups, analysts, residents. */
const NON_PARTY_ROLES = new Set([
  'group',
  'activist',
  'analyst',
  'expert',
  'observer',
  'resident',
  'critic',
  'witness',
  'campaigner',
  'organisation',
  'organization',
]);
const isNonPartyAuthor = (m: Mention): boolean => !m.parties.length && (m.role === undefined ? m.kind === 'other' : NON_PARTY_ROLES.has(m.role));

const isAnonymousDocument = (m: Mention): boolean => m.kind === 'role' && !m.parties.length && !!m.role && DOCUMENT_HEADS.has(m.role);

/** "according to a statement": a document nobody is named for is the actor's own. */
const anonymousDocument = (f: Frame): boolean => f.speaker.every((m) => !m.parties.length && !m.group && !!m.role && DOCUMENT_HEADS.has(m.role));

const sourceOf = (frame: Frame | null, actors: PartyRef[], actorMs: Mention[], cue: string, carried: SourceRef | null): SourceRef => {
  if (frame && !anonymousDocument(frame)) {
    const party = frame.speaker.flatMap((m) => (m.group ? m.group.ranked.slice(0, m.group.n) : m.parties))[0] ?? null;
    return { party, mention: frame.speaker.map((m) => m.text).join(' and '), cue: frame.cue, via: frame.via };
  }
  // "They also reaffirmed ...": an anaphoric subject continues the previous sentence's report.
  if (carried && actorMs.length && actorMs.every((m) => m.kind === 'pronoun' || m.kind === 'group')) return carried;
  const first = actors.find((a) => a.party) ?? actors[0];
  return { party: first?.party ?? null, mention: first?.mention ?? '', cue, via: null };
};

/** Addressees of a pledge: "promised Beirut ...", "assured X", "to/for/with X" inside the pledge. */
const pledgeTargets = (v: SentenceView, hit: CueHit): string[] => {
  const { t } = v;
  const direct = objectOf(v, hit.cue).filter((m) => m.kind !== 'pronoun');
  if (direct.length && hit.form === 'verb' && !(t[hit.cue + 1]?.norm === 'to')) return direct.flatMap((m) => m.parties);
  // "vowed that Israel will be punished": the party the promised clause is about.
  if (hit.form === 'verb' && t[hit.cue + 1]?.norm === 'that') {
    const about = phraseParties(v, hit.cue + 2).parties;
    if (about.length) return about;
  }
  const out: string[] = [];
  const end = clauseEnd(v, hit.cue);
  let infinitives = 0;
  for (let k = hit.cue + 1; k < end; k++) {
    const w = t[k].norm;
    // "vowed to defend Taiwan": the object of the promised act is its addressee.
    if (w === 'to' && t[k + 1]?.pos === 'VERB' && infinitives++ === 0) out.push(...phraseParties(v, k + 2).parties);
    if ((w === 'to' || w === 'for' || w === 'with' || w === 'between') && t[k + 1] && t[k + 1].pos !== 'VERB' && t[k + 1].pos !== 'AUX') {
      let j = k + 1;
      while (j < end && (t[j].norm === 'the' || t[j].pos === 'ADJ') && !v.at.get(j)) j++;
      const { parties } = phraseParties(v, j);
      out.push(...parties);
    }
  }
  return [...new Set(out)];
};

/** What a concern is about: the phrase after "about/over/regarding/...", or ", including ...". */
const concernTargets = (v: SentenceView, hit: CueHit): string[] => {
  const { t } = v;
  const end = clauseEnd(v, hit.cue);
  let k = hit.cue + 1;
  const out: string[] = [];
  // "raised concerns with the U.S. envoy about ...": the addressee is not what it is about.
  if (t[k]?.norm === 'with') k = phraseParties(v, k + 1).end;
  while (k < end && (t[k].text === ',' || t[k].pos === 'ADV' || /^["“”]$/.test(t[k].text))) k++;
  if (k < end && /^(about|over|regarding|concerning|at|by|on|including|of|that)$/.test(t[k].norm)) {
    const about = phraseParties(v, whatTheyCalled(v, k + 1, end), true);
    out.push(...about.parties);
    // "concerned about reports that North Korea was ...": the subject of the reported clause.
    if (about.end < end && t[about.end].norm === 'that' && about.end > k + 1) out.push(...phraseParties(v, about.end + 1).parties);
  }
  return [...new Set(out)];
};

/** "about what he called China's “coercive” conduct": the phrase after the speaker's label. */
const whatTheyCalled = (v: SentenceView, k: number, end: number): number => {
  const { t } = v;
  if (t[k]?.norm !== 'what') return k;
  for (let j = k + 1; j < Math.min(end, k + 5); j++) {
    if (/^(called|termed|described|dubbed|labelled|labeled)$/.test(t[j].norm)) {
      let next = j + 1;
      if (t[next]?.norm === 'as') next++;
      while (next < end && /^["“”]$/.test(t[next].text)) next++;
      return next;
    }
  }
  return k;
};

export const opensWithMeeting = (v: SentenceView): boolean => {
  const w = v.t.slice(v.s.from, Math.min(v.s.to, v.s.from + 4)).map((x) => x.norm);
  return /^(in|during|at)$/.test(w[0] ?? '') && /^(that|the|this|their)$/.test(w[1] ?? '') && MEETING_NOUNS.has(w[2] ?? '');
};
