// Grammatical roles read off the token stream and the mentions found in it: the subject of a
// verb (across adverbs, auxiliaries, parenthetical commas, relative clauses and coordinated
// verb phrases), its object, a passive agent, and the parties of a prepositional phrase.
import { adjunctEndingAt, adjunctStartingAt } from './adjuncts.js';
import { REPORTING_VERBS } from './attribution/lexicon.js';
import type { AnalyzedText, Sentence, Token } from './nlp.js';
import type { Discourse } from './mentions/discourse.js';
import type { TokenIndex } from './token-index.js';
import type { Mention } from './mentions/types.js';

export interface SentenceView {
  a: AnalyzedText;
  s: Sentence;
  t: Token[];
  mentions: Mention[];
  at: TokenIndex<Mention>;
  d: Discourse;
}

const SKIPPABLE = new Set(['ADV', 'AUX', 'PART']);
const ACTOR_KINDS = new Set(['party', 'person', 'role', 'name', 'pronoun', 'group']);
const RELATIVE = new Set(['which', 'who', 'whom', 'that']);
const QUANTIFIERS = new Set(['both', 'all', 'each']);
/** Verbs whose "that" clause is reported speech: the reporting verbs, and "alleged that" too. */
const opensReportedClause = (lemma: string): boolean => REPORTING_VERBS.has(lemma) || lemma === 'allege';
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re"]);

export const isActor = (m: Mention | undefined): m is Mention => !!m && ACTOR_KINDS.has(m.kind);

/** The mention, with those coordinated to its left ("Japan and Australia"). */
const withCoordinatesLeft = (v: SentenceView, m: Mention): Mention[] => {
  const out = [m];
  let cur = m;
  for (;;) {
    let k = cur.from - 1;
    if (k < v.s.from || !/^(and|,|or)$/.test(v.t[k].norm)) break;
    if (v.t[k].norm !== ',' && k - 1 >= v.s.from && v.t[k - 1].text === ',') k--;
    const prev = v.at.get(k - 1);
    if (!isActor(prev) || prev.kind === 'pronoun') break;
    // "aid to refugees in Chad, and EU officials said": an object is not coordinated with a subject.
    const before = v.t[prev.from - 1];
    if (before && prev.from > v.s.from && before.pos === 'ADP') break;
    out.unshift(prev);
    cur = prev;
  }
  return out;
};

/** The mention starting at `k`, with those coordinated to its right. */
export const coordinatedFrom = (v: SentenceView, k: number): Mention[] => {
  const first = v.at.get(k);
  if (!first || first.from !== k) return [];
  const out = [first];
  let pos = first.to;
  while (pos < v.s.to && /^(,|and|or)$/.test(v.t[pos].norm)) {
    let q = pos + 1;
    if (q < v.s.to && v.t[q].norm === 'and') q++;
    const next = v.at.get(q);
    if (!next || next.from !== q || (!next.parties.length && next.kind === 'other')) break;
    out.push(next);
    pos = next.to;
  }
  return out;
};

/** A verb that heads its own clause: not an infinitive, not a participle after a noun. */
const isFiniteVerb = (v: SentenceView, k: number): boolean => {
  if (v.t[k].pos !== 'VERB' || v.at.has(k)) return false;
  // A bare gerund or "including" opens a phrase, not a clause.
  if (v.t[k].norm.endsWith('ing') && !(k > v.s.from && v.t[k - 1].pos === 'AUX')) return false;
  let j = k - 1;
  for (;;) {
    while (j >= v.s.from && SKIPPABLE.has(v.t[j].pos) && v.t[j].norm !== 'to') j--;
    const adjunct = j > v.s.from ? adjunctEndingAt(v.t, v.s.from, j) : -1;
    if (adjunct > v.s.from) j = adjunct - 1;
    else break;
  }
  if (j < v.s.from) return true;
  if (v.t[j].norm === 'to') return false;
  const m = v.at.get(j);
  if (m) return m.kind !== 'other';
  return !(j === k - 1 && v.t[j].pos === 'NOUN');
};

/**
 * The subject of `verb`. `unlikely` rules out a subject found through coordination ("..., and
 * accused X") when the act cannot be its: an actor does not accuse itself.
 */
export const subjectOf = (v: SentenceView, verb: number, depth = 0, unlikely?: (ms: Mention[]) => boolean): Mention[] => {
  // "..., accusing Manila of ...": a participle after a comma shares the main clause's subject.
  if (depth < 3 && v.t[verb].norm.endsWith('ing') && verb - 1 > v.s.from && v.t[verb - 1].text === ',') return earlierSubject(v, verb - 1, depth, unlikely);
  let j = verb - 1;
  while (j >= v.s.from) {
    const tok = v.t[j];
    // "Iran on Monday accused", "officials have in turn accused": look across the adjunct.
    const adjunct = adjunctEndingAt(v.t, v.s.from, j);
    if (adjunct > v.s.from) {
      j = adjunct - 1;
      continue;
    }
    const m = v.at.get(j);
    // "Serbia and Kosovo both agreed": a floating quantifier stands between a subject and its verb.
    if (m && m.kind === 'other' && m.to - m.from === 1 && QUANTIFIERS.has(v.t[j].norm)) {
      j--;
      continue;
    }
    if (m && !ACTOR_KINDS.has(m.kind)) {
      // "two officials familiar with the plans told ...", "a source close to the talks said ...".
      const holder = postmodified(v, m.from);
      return holder ? withCoordinatesLeft(v, holder) : [];
    }
    if (m) return withCoordinatesLeft(v, envoyOf(v, m) ?? m);
    if (SKIPPABLE.has(tok.pos) || tok.text === '"' || tok.text === '“' || tok.text === '”') {
      j--;
      continue;
    }
    // "Georgia yesterday (21 January) condemned": a bracketed aside between subject and verb.
    if (tok.text === ')') {
      let open = j - 1;
      while (open > v.s.from && v.t[open].text !== '(' && j - open < 12) open--;
      if (open >= v.s.from && v.t[open].text === '(') {
        j = open - 1;
        continue;
      }
      return [];
    }
    if (tok.text === ',') {
      const before = v.at.get(j - 1);
      if (isActor(before) && before.to === j && before.from < j - 1 && v.a.tokens.slice(before.from, j).some((x) => x.text === ','))
        return withCoordinatesLeft(v, before);
      // "The Nigerien head of state, General X, has alleged": the named person closing an apposition.
      if (
        isActor(before) &&
        before.to === j &&
        before.parties.length &&
        (before.kind === 'person' || before.kind === 'name') &&
        before.from - 1 > v.s.from &&
        v.t[before.from - 1].text === ','
      )
        return [before];
      // Skip a parenthetical: ", in turn,", ", however,", ", which brokered the ceasefire,".
      let k = j - 1;
      while (k >= v.s.from && v.t[k].text !== ',' && j - k < 30) k--;
      if (k < v.s.from || v.t[k].text !== ',') return [];
      const opener = v.t[k + 1];
      const short = j - k <= 5 && !v.a.tokens.slice(k + 1, j).some((x) => isActor(v.at.get(x.i)) && x.pos !== 'ADV');
      if (RELATIVE.has(opener.norm) || short || opener.pos === 'DET') {
        j = k - 1;
        continue;
      }
      // "Western governments, including the United States, have ...": the list speaks when the head names no party.
      if (opener.norm === 'including') {
        const head = v.at.get(k - 1);
        const included = coordinatedFrom(v, k + 2).filter(isActor);
        if (isActor(head) && head.parties.length) return withCoordinatesLeft(v, head);
        return included.length ? included : isActor(head) ? [head] : [];
      }
      return [];
    }
    // "..., and agreed to ...": the subject of the nearest earlier verb that has an actor for one.
    if (tok.pos === 'CCONJ' && depth < 3) return earlierSubject(v, j, depth, unlikely);
    if (RELATIVE.has(tok.norm)) return antecedentOf(v, j);
    return [];
  }
  return [];
};

/** Offices sent somewhere: "Iran's ambassador to the UN said" is Iran's ambassador speaking, not the UN. */
const POSTED = new Set(['ambassador', 'envoy', 'mission', 'delegation', 'representative', 'delegate', 'embassy']);

/** The envoy a destination hangs on ("the Iranian ambassador to Afghanistan"), if `m` is one. */
const envoyOf = (v: SentenceView, m: Mention): Mention | undefined => {
  if (m.from - 2 < v.s.from || !/^(to|in|at)$/.test(v.t[m.from - 1].norm)) return undefined;
  const office = v.at.get(m.from - 2);
  return office && office.kind === 'role' && office.role && POSTED.has(office.role) ? office : undefined;
};

/** The subject of the nearest finite verb before `j` that has an actor for one; '"...," said X' counts. */
const earlierSubject = (v: SentenceView, j: number, depth: number, unlikely?: (ms: Mention[]) => boolean): Mention[] => {
  // "X said that Y had shelled Z, and called the attack aggression": what follows the reported
  // clause goes on with the reporter, not with the clause's own subject.
  const reporter = reportedClauseOpener(v, j);
  if (reporter >= 0 && depth < 3) {
    const subject = subjectOf(v, reporter, depth + 1);
    if (subject.length && !unlikely?.(subject)) return subject;
  }
  for (let k = j - 1; k >= v.s.from; k--) {
    if (!isFiniteVerb(v, k)) continue;
    const inverted = k > v.s.from && /^[,"”]$/.test(v.t[k - 1].text) ? coordinatedFrom(v, k + 1).filter(isActor) : [];
    const subject = inverted.length ? inverted : subjectOf(v, k, depth + 1);
    if (subject.length && !unlikely?.(subject)) return subject;
  }
  return [];
};

/** The reporting verb ("said", "told") whose "that" clause runs up to `j`, or -1. */
const reportedClauseOpener = (v: SentenceView, j: number): number => {
  for (let k = j - 1; k > v.s.from; k--) {
    if (v.t[k].norm !== 'that') continue;
    const verb = skipBackAdjunct(v, k - 1);
    return verb >= v.s.from && v.t[verb].pos === 'VERB' && opensReportedClause(v.t[verb].lemma) ? verb : -1;
  }
  return -1;
};

/** The token before a short adjunct ending at `k` ("said on Sunday that"), else `k`. */
const skipBackAdjunct = (v: SentenceView, k: number): number => {
  const start = k > v.s.from ? adjunctEndingAt(v.t, v.s.from, k) : -1;
  return start > v.s.from ? start - 1 : k;
};

/** The actor a short "familiar with X" / "briefed on X" phrase ending before `k` hangs on, if any. */
const postmodified = (v: SentenceView, k: number): Mention | undefined => {
  const prep = k - 1;
  const adj = k - 2;
  if (adj <= v.s.from || v.t[prep].pos !== 'ADP' || v.t[prep].norm === 'of') return undefined;
  const a = v.t[adj];
  const inPhrase = v.at.get(adj);
  if (!(a.pos === 'ADJ' || (a.pos === 'VERB' && a.norm.endsWith('ed'))) || (inPhrase && inPhrase.from !== adj)) return undefined;
  const holder = v.at.get(adj - 1);
  return isActor(holder) && holder.to === adj ? holder : undefined;
};

/** What a relative pronoun stands for: the mention right before it, across a comma. */
export const antecedentOf = (v: SentenceView, rel: number): Mention[] => {
  let k = rel - 1;
  if (k >= v.s.from && v.t[k].text === ',') k--;
  const m = v.at.get(k);
  return isActor(m) ? [m] : [];
};

export const isPassive = (v: SentenceView, verb: number): boolean => {
  let j = verb - 1;
  while (j >= v.s.from && (v.t[j].pos === 'ADV' || v.t[j].pos === 'AUX' || v.t[j].pos === 'PART')) {
    if (BE.has(v.t[j].norm)) return true;
    j--;
  }
  return false;
};

/** "accused by Khartoum": the agent of a passive verb, a few tokens after it. */
export const agentOf = (v: SentenceView, verb: number): Mention[] => {
  for (let k = verb + 1; k < Math.min(v.s.to, verb + 8); k++) {
    if (v.t[k].norm === 'by') return coordinatedFrom(v, k + 1).filter(isActor);
    if (v.t[k].pos === 'VERB') break;
  }
  return [];
};

/** The first token at or after `k` that is not inside a short adjunct ("on Tuesday"). */
export const skipAdjunct = (v: SentenceView, k: number): number => {
  const end = adjunctStartingAt(v.t, v.s.to, k);
  return end > k ? end : k;
};

/** The object right after a verb ("accused Moscow", "invited the two countries"), skipping adverbs. */
export const objectOf = (v: SentenceView, verb: number): Mention[] => {
  let k = skipAdjunct(v, verb + 1);
  while (k < v.s.to && (v.t[k].pos === 'ADV' || v.t[k].pos === 'PART') && v.t[k].norm !== 'to' && v.t[k].norm !== 'not') k++;
  if (k < v.s.to && v.t[k].norm === 'with') k++;
  return coordinatedFrom(v, k).filter(isActor);
};

/**
 * Parties of the noun phrase starting at `k`, following "of" complements, coordination and
 * ", including" lists, but not other prepositions: "the deployment of Wagner fighters in Mali" → Wagner.
 */
export const phraseParties = (v: SentenceView, k: number, agent = false): { parties: string[]; end: number } => {
  const parties: string[] = [];
  let pos = k;
  const quote = (j: number) => j < v.s.to && /^["“”]$/.test(v.t[j].text);
  for (let guard = 0; guard < 20 && pos < v.s.to; guard++) {
    // Scare quotes inside a phrase: the "unprovoked military aggression".
    if (quote(pos) && v.at.get(pos + 1)?.from === pos + 1) pos++;
    // A participle before a noun stays inside the phrase: "of continued detention of ...".
    if (
      !v.at.get(pos) &&
      pos > v.s.from &&
      /^(of|about|over|on|including|the)$/.test(v.t[pos - 1].norm) &&
      v.t[pos].pos === 'VERB' &&
      /(ed|ing)$/.test(v.t[pos].norm) &&
      v.at.get(pos + 1)?.from === pos + 1
    )
      pos++;
    const m = v.at.get(pos);
    if (!m) break;
    parties.push(...m.parties);
    pos = m.to;
    if (pos >= v.s.to) break;
    if (quote(pos) && pos + 1 < v.s.to) {
      pos++;
      if (v.at.get(pos)?.from === pos) continue;
    }
    const w = v.t[pos].norm;
    if (w === 'of' || w === 'and' || w === 'or') {
      pos++;
      continue;
    }
    // With `agent`, what a thing is about includes who does it: "the aggression by Thailand".
    // "tensions between the two neighbours": with `agent`, whom a situation is between counts too.
    if (agent && (w === 'by' || w === 'between')) {
      pos++;
      continue;
    }
    if (w === ',' && pos + 1 < v.s.to && (v.t[pos + 1].norm === 'including' || v.at.get(pos + 1)?.kind === 'party')) {
      pos += v.t[pos + 1].norm === 'including' ? 2 : 1;
      continue;
    }
    if (w === 'including') {
      pos++;
      continue;
    }
    break;
  }
  return { parties: [...new Set(parties)], end: pos };
};

const CLAUSE_OPENERS = new Set([
  'and',
  'but',
  'while',
  'as',
  'which',
  'who',
  'although',
  'though',
  'whereas',
  'adding',
  'saying',
  'according',
  'because',
  'after',
  'before',
  'when',
  'where',
]);

const nextVerbFollows = (v: SentenceView, k: number): boolean => {
  let j = k;
  while (j < v.s.to && (v.t[j].pos === 'ADV' || v.t[j].pos === 'AUX')) j++;
  return j < v.s.to && v.t[j].pos === 'VERB' && j > k - 1 && (j > k || v.t[j].pos === 'VERB');
};

/** Where the clause that starts after `k` ends: a dash, semicolon, ", and ...", "and VERB", a new clause. */
export const clauseEnd = (v: SentenceView, k: number): number => {
  for (let j = k + 1; j < v.s.to; j++) {
    const w = v.t[j];
    if (w.text === ';' || w.text === '—' || w.text === '–' || w.text === ':') return j;
    // A closing quote ends the clause, unless the phrase goes on: the “unprovoked aggression” by X.
    if (w.text === '”' && !(j + 1 < v.s.to && /^(ADP|NOUN|ADJ|DET|PROPN)$/.test(v.t[j + 1].pos))) return j;
    if (w.text === ',' && j + 1 < v.s.to && /^["”]$/.test(v.t[j + 1].text)) return j;
    if (w.text === ',' && j + 1 < v.s.to) {
      const next = v.t[j + 1];
      // ", and" opens a clause only with a verb or a new subject after it: not in "A, B, and C".
      if (next.norm === 'and' || next.norm === 'but') {
        const after = j + 2 < v.s.to ? j + 2 : j + 1;
        if (isFiniteVerb(v, after) || v.t[after].pos === 'ADV' || (isActor(v.at.get(after)) && nextVerbFollows(v, v.at.get(after)!.to))) return j;
        continue;
      }
      if (CLAUSE_OPENERS.has(next.norm) || next.pos === 'AUX' || isFiniteVerb(v, j + 1) || (isActor(v.at.get(j + 1)) && next.pos !== 'ADJ')) return j;
    }
    if (
      (w.norm === 'and' || w.norm === 'but') &&
      j + 1 < v.s.to &&
      (isFiniteVerb(v, j + 1) || (v.t[j + 1].pos === 'ADV' && j + 2 < v.s.to && isFiniteVerb(v, j + 2)))
    )
      return j;
  }
  let end = v.s.to;
  while (end > k + 1 && v.t[end - 1].pos === 'PUNCT' && !/["”’)]/.test(v.t[end - 1].text)) end--;
  return end;
};
