import type { AnalyzedText, Sentence, Token } from '../nlp.js';
import type { PartyMatch } from '../parties/party-index.js';
import { TokenIndex } from '../token-index.js';
import { joinAppositions } from './appositions.js';
import { classifyMentions } from './classify.js';
import type { Discourse } from './discourse.js';
import { mentionContext, uniq } from './mention-context.js';
import { resolveMentions } from './resolve.js';
import type { Mention } from './types.js';

export interface SentenceMentions {
  mentions: Mention[];
  /** The mention covering each token of the sentence (by article token index), if any. */
  at: TokenIndex<Mention>;
}

/**
 * Finds the actors a sentence mentions and resolves each to parties, in passes: chunks classified
 * (party names, offices, people, pronouns, groups), appositions joined, references resolved in
 * reading order. Updates the discourse as it goes.
 */
export const detectMentions = (a: AnalyzedText, s: Sentence, found: PartyMatch[], d: Discourse): SentenceMentions => {
  const ctx = mentionContext(a, s, resolveAmbiguous(found, d), d);
  const merged = joinAppositions(ctx, classifyMentions(ctx));
  resolveMentions(ctx, merged);
  recordCoordinations(merged, a.tokens, s, d);
  const at = new TokenIndex<Mention>(s.from, s.to);
  for (const m of merged) for (let k = m.from; k < m.to; k++) at.set(k, m);
  return { mentions: merged, at };
};

/** A name several parties share is the one the article has talked about most, else its default. */
const resolveAmbiguous = (found: PartyMatch[], d: Discourse): PartyMatch[] => {
  const out: PartyMatch[] = [];
  for (const m of found) {
    if (!m.candidates) {
      out.push(m);
      continue;
    }
    let best = m.id;
    let score = 0;
    for (const c of m.candidates)
      if (d.total(c) > score) {
        best = c;
        score = d.total(c);
      }
    if (best) out.push({ ...m, id: best });
  }
  return out;
};

/** Lists of two or more parties ("X and Y", "A, B, and C", "Israeli and Lebanese officers"). */
const recordCoordinations = (ms: Mention[], t: Token[], s: Sentence, d: Discourse): void => {
  let run: Mention[] = [];
  const flush = () => {
    if (run.length > 1) {
      const parties = uniq(run.flatMap((m) => m.parties));
      if (parties.length > 1) d.coordinations.push({ sentence: s.index, parties });
    }
    if (run.length) run = [];
  };
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.kind !== 'group' && m.kind !== 'pronoun' && m.parties.length > 1 && m.kind !== 'other') {
      flush();
      d.coordinations.push({ sentence: s.index, parties: m.parties });
      continue;
    }
    if (!m.parties.length || m.kind === 'other' || m.kind === 'group' || m.kind === 'pronoun') {
      flush();
      continue;
    }
    const prev = run[run.length - 1];
    const between = prev
      ? t
          .slice(prev.to, m.from)
          .map((x) => x.norm)
          .join(' ')
      : '';
    if (prev && !/^(,|and|, and|or|, or)$/.test(between)) flush();
    run.push(m);
  }
  flush();
};
