// Pass 1: base noun phrases (chunks) classified as party names, groups ("the two sides"), roles
// ("Russia's Defence Ministry"), people ("Foreign Minister X"), names, pronouns or other phrases.
import { chunkSentence, isPossessiveMarker, type Chunk } from './chunks.js';
import { GROUP_NOUNS, NUMBER_WORDS, POSSESSIVE_PRONOUNS, PRONOUNS } from './lexicon.js';
import { family, isNamePart, isNameToken, isRoleWord, uniq, type MentionContext } from './mention-context.js';
import { nameMention as nameMentionOf, personWithRole as personWithRoleOf } from './people.js';
import type { Mention } from './types.js';

/** The sentence's mentions in reading order, before appositions are joined and references resolved. */
export const classifyMentions = (ctx: MentionContext): Mention[] => {
  const { s, t, matches, inMatch, text, make } = ctx;
  const nameMention = (from: number, to: number) => nameMentionOf(ctx, from, to);
  const personWithRole = (p: Mention, parties: string[], role: string) => personWithRoleOf(ctx, p, parties, role);

  const raw: Mention[] = [];
  for (const c of chunkSentence(t, s.from, s.to, inMatch)) {
    const pron = c.to === c.from + 1 && t[c.from].pos === 'PRON' ? PRONOUNS[t[c.from].norm] : undefined;
    if (pron) {
      raw.push(make(c.from, c.to, 'pronoun', [], { plural: pron === 'plural', firstPerson: pron === 'first' }));
      continue;
    }
    raw.push(...classify(c));
  }
  // Bare pronouns that are not chunk starters ("said it has"). Chunks come in order: only these need sorting in.
  const chunked = raw.length;
  for (let k = s.from; k < s.to; k++) {
    // The part of speech first: it rules out most tokens before any look-up.
    if (t[k].pos !== 'PRON') continue;
    const pron = PRONOUNS[t[k].norm];
    if (pron && !POSSESSIVE_PRONOUNS.has(t[k].norm) && !raw.some((m) => m.from <= k && k < m.to)) {
      raw.push(make(k, k + 1, 'pronoun', [], { plural: pron === 'plural', firstPerson: pron === 'first' }));
    }
  }
  if (raw.length > chunked) raw.sort((x, y) => x.from - y.from);

  return raw;

  function classify(c: Chunk): Mention[] {
    let b = c.from;
    const e = c.to;
    const out: Mention[] = [];
    // A person as possessor is a mention of its own: "Lavrov's visit".
    let poss = -1;
    for (let k = b; k < e && poss < 0; k++) if (isPossessiveMarker(t[k])) poss = k - b;
    if (
      poss > 0 &&
      t.slice(b, b + poss).every((x) => isNameToken(x) || x.pos === 'DET') &&
      !inMatch.get(b + poss - 1) &&
      t.slice(b, b + poss).some(isNameToken)
    ) {
      out.push(nameMention(b, b + poss));
      b = b + poss + 1;
      if (b >= e) return out;
    }
    const first = t[b];
    const last = t[e - 1];
    // The head first: it rules out most phrases before the number look-ups.
    const n = GROUP_NOUNS.has(last.norm)
      ? (NUMBER_WORDS.get(first.norm) ?? (first.norm === 'the' && e - b > 2 ? NUMBER_WORDS.get(t[b + 1].norm) : undefined))
      : undefined;
    if (n) {
      out.push(make(b, e, 'group', [], { plural: true, group: { n, ranked: [] } }));
      return out;
    }
    let roleIdx = -1;
    for (let k = b; k < e; k++) if (!inMatch.get(k) && isRoleWord(t[k])) roleIdx = k;
    const partiesBefore = (end: number) => uniq(matches.filter((m) => m.from >= b && m.to <= end).map((m) => m.id));
    if (roleIdx >= 0) {
      const after = t.slice(roleIdx + 1, e);
      const role = t[roleIdx];
      if (after.length === 0) {
        const plural = role.norm !== role.lemma && role.norm.endsWith('s');
        out.push(make(b, e, 'role', partiesBefore(roleIdx), { role: family(role), plural }));
        return out;
      }
      // A name may contain a country's name ("Israel Katz") but does not end in one.
      if (after.every((x) => isNamePart(t, x.i)) && !inMatch.get(e - 1)) {
        const p = nameMention(roleIdx + 1, e);
        const parties = partiesBefore(roleIdx);
        out.push(personWithRole({ ...p, from: b, text: text(b, e) }, parties, family(role)));
        return out;
      }
    }
    const inner = matches.filter((m) => m.from >= b && m.to <= e);
    const content = t.slice(b, e).filter((x) => x.pos !== 'DET');
    // "the paramilitary Rapid Support Forces (RSF)": one party, maybe with adjectives and its short name.
    const ids = uniq(inner.map((m) => m.id));
    let paren = -1;
    for (let k = b; k < e && paren < 0; k++) if (t[k].text === '(') paren = k - b;
    const core = content.filter((x) => paren < 0 || x.i < b + paren);
    if (
      ids.length === 1 &&
      core.length &&
      inMatch.get(core[core.length - 1].i) &&
      core.every((x) => inMatch.get(x.i) || (x.pos === 'ADJ' && x.i < inner[0].from))
    ) {
      out.push(make(b, e, 'party', ids, { plural: /s$/.test(last.norm) && inner[0].kind === 'armed-group' && last.norm !== 'hamas' }));
      return out;
    }
    // "the UN Ron Prosor": a party's name run into a person's full name are two mentions.
    const lastMatch = inner[inner.length - 1];
    if (lastMatch && e - lastMatch.to >= 2 && lastMatch.to > b && isNameToken(t[lastMatch.to]) && t.slice(lastMatch.to, e).every((x) => isNamePart(t, x.i))) {
      out.push(...classify({ from: b, to: lastMatch.to }), nameMention(lastMatch.to, e));
      return out;
    }
    if (!inner.length && content.length && isNameToken(content[0]) && content.every((x) => isNamePart(t, x.i))) {
      out.push(nameMention(b, e));
      return out;
    }
    out.push(
      make(
        b,
        e,
        'other',
        inner.map((m) => m.id),
      ),
    );
    return out;
  }
};
