import type { AnalyzedText, Sentence, Token } from '../nlp.js';
import { officeHolderIndex } from '../parties/office-holders.js';
import type { PartyMatch } from '../parties/party-index.js';
import { chunkSentence, isPossessiveMarker, type Chunk } from './chunks.js';
import type { Discourse } from './discourse.js';
import {
  DOCUMENT_HEADS, GROUP_NOUNS, isNameParticle, RELATIONAL_HEADS, KIND_NOUNS, NAME_PARTICLES, NAME_SUFFIXES, NOT_NAME, NUMBER_WORDS, PERSON_HEADS, POSSESSIVE_PRONOUNS, PRONOUNS,
  ROLE_FAMILY, ROLE_HEADS,
} from './lexicon.js';
import { TokenIndex } from '../token-index.js';
import type { Entity, Mention } from './types.js';

export interface SentenceMentions {
  mentions: Mention[];
  /** The mention covering each token of the sentence (by article token index), if any. */
  at: TokenIndex<Mention>;
}

/** A fresh array without repeats; lists of none or one (most) skip the set. */
const uniq = (xs: string[]): string[] => (xs.length < 2 ? xs.slice() : [...new Set(xs)]);
const isRoleWord = (t: Token): boolean => ROLE_HEADS.has(t.norm) || ROLE_HEADS.has(t.lemma);
const family = (t: Token): string => ROLE_FAMILY[t.norm] ?? ROLE_FAMILY[t.lemma] ?? t.lemma;
const isNameToken = (t: Token): boolean => (t.pos === 'PROPN' || t.pos === 'NOUN') && /^\p{Lu}/u.test(t.text) && !NOT_NAME.has(t.norm);
/** After a hyphen a name goes on in lower case: "Jae-myung". */
const isNamePart = (toks: Token[], k: number): boolean => isNameToken(toks[k]) || toks[k].text === '-' || NAME_SUFFIXES.has(toks[k].norm)
  || (k > 0 && toks[k - 1].text === '-' && /^\p{Ll}/u.test(toks[k].text)) || isNameParticle(toks, k);

/**
 * Finds the actors a sentence mentions and resolves each to parties: party names, offices
 * ("Russia's Defence Ministry"), people with titles or appositions, short mentions of people
 * met before, pronouns and group references. Updates the discourse as it goes.
 */
export const detectMentions = (a: AnalyzedText, s: Sentence, found: PartyMatch[], d: Discourse): SentenceMentions => {
  const t = a.tokens;
  const matches = resolveAmbiguous(found, d);
  const inMatch = new TokenIndex<PartyMatch>(s.from, s.to);
  for (const m of matches) for (let k = m.from; k < m.to; k++) inMatch.set(k, m);
  const text = (from: number, to: number) => a.text.slice(t[from].start, t[to - 1].end);
  const make = (from: number, to: number, kind: Mention['kind'], parties: string[], extra: Partial<Mention> = {}): Mention =>
    ({ from, to, text: text(from, to), kind, parties: uniq(parties), plural: false, sentence: s.index, ...extra });

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

  function classify(c: Chunk): Mention[] {
    let b = c.from;
    const e = c.to;
    const out: Mention[] = [];
    // A person as possessor is a mention of its own: "Lavrov's visit".
    let poss = -1;
    for (let k = b; k < e && poss < 0; k++) if (isPossessiveMarker(t[k])) poss = k - b;
    if (poss > 0 && t.slice(b, b + poss).every((x) => isNameToken(x) || x.pos === 'DET') && !inMatch.get(b + poss - 1) && t.slice(b, b + poss).some(isNameToken)) {
      out.push(nameMention(b, b + poss));
      b = b + poss + 1;
      if (b >= e) return out;
    }
    const first = t[b];
    const last = t[e - 1];
    // The head first: it rules out most phrases before the number look-ups.
    const n = GROUP_NOUNS.has(last.norm) ? NUMBER_WORDS.get(first.norm) ?? (first.norm === 'the' && e - b > 2 ? NUMBER_WORDS.get(t[b + 1].norm) : undefined) : undefined;
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
    if (ids.length === 1 && core.length && inMatch.get(core[core.length - 1].i) && core.every((x) => inMatch.get(x.i) || (x.pos === 'ADJ' && x.i < inner[0].from))) {
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
    out.push(make(b, e, 'other', inner.map((m) => m.id)));
    return out;
  }

  function nameMention(from: number, to: number): Mention {
    const names = t.slice(from, to).filter((x) => isNameToken(x) && !NAME_SUFFIXES.has(x.norm) && !NAME_PARTICLES.has(x.norm)).map((x) => x.norm);
    const entity = names.length ? d.findPerson(names) : undefined;
    if (entity) return make(from, to, entity.parties.length ? 'person' : 'name', entity.parties, { entity, role: entity.role ?? undefined });
    // "President Xi Jinping", "Modi": a known office holder speaks for their party without a country word.
    const holder = names.length ? officeHolderIndex().lookup(names) : null;
    const fresh: Entity = { names, display: text(from, to), parties: holder ? [holder.party] : [], role: null, person: true };
    if (names.length) d.addEntity(fresh);
    return make(from, to, holder ? 'person' : 'name', fresh.parties, { entity: fresh });
  }

  function personWithRole(p: Mention, parties: string[], role: string): Mention {
    const entity = p.entity!;
    if (parties.length) entity.parties = parties;
    entity.role = role;
    d.index(entity);
    return { ...p, kind: entity.parties.length ? 'person' : 'name', parties: entity.parties, role };
  }

  // Structure: appositions, "Title, Name," and "the ministers of A, B and C".
  const merged: Mention[] = [];
  for (let i = 0; i < raw.length; i++) {
    let m = raw[i];
    const next = raw[i + 1];
    const commaAfter = (x: Mention) => x.to < s.to && t[x.to].text === ',';
    // "Andrii Sybiha, Ukraine's foreign minister, ..." / "France, Germany's closest ally, ..."
    // "Doha, a diplomat said": a phrase followed by its own verb is a new subject, not an apposition.
    // An apposition closes with a comma, a bracket or the sentence; "Muscat, two officials familiar with ..." does not.
    const closed = (x: Mention) => { const c = closingComma(x.to); return c >= s.to || /^[,.!?"”)]$/.test(t[c].text); };
    const ownVerb = (x: Mention) => (x.to < s.to && (t[x.to].pos === 'VERB' || t[x.to].pos === 'AUX')) || !closed(x);
    if (next && commaAfter(m) && next.from === m.to + 1 && (m.kind === 'name' || m.kind === 'person' || m.kind === 'party') && !ownVerb(next)
      && (next.kind === 'role' || (next.kind === 'other' && /^(a|an|the)$/.test(t[next.from].norm)) || (next.kind === 'other' && isPossessiveMarker(t[next.from + 1] ?? t[next.from])))) {
      // "Gan Yu, a spokesperson for China's Coast Guard": the office may be named after the role.
      const after = next.kind === 'role' && !next.parties.length && next.to < s.to && /^(of|for|from)$/.test(t[next.to].norm)
        ? uniq(coordinatedAfter(i + 2, next.to + 1).flatMap((x) => x.parties)) : [];
      const roleParties = next.parties.length ? next.parties : after.length ? after : m.parties;
      if (next.kind === 'role' && (m.kind === 'name' || m.kind === 'person') && m.entity) m = personWithRole(m, roleParties, next.role!);
      const close = closingComma(next.to);
      m = { ...m, to: close, text: text(m.from, close) };
      i++;
      while (raw[i + 1] && raw[i + 1].from < close) i++;
    } else if (next && commaAfter(m) && next.from === m.to + 1 && m.kind === 'role' && (next.kind === 'name' || next.kind === 'person') && next.entity
      && (next.to >= s.to || t[next.to].text === ',' || t[next.to].pos === 'VERB' || t[next.to].pos === 'AUX')) {
      // "Russia's Foreign Minister, Sergei Lavrov, met ..."
      const p = personWithRole(next, m.parties.length ? m.parties : next.parties, m.role!);
      m = { ...p, from: m.from, to: next.to, text: text(m.from, next.to) };
      i++;
    }
    // "The Ministry of Foreign Affairs", "the Ministry of Defence": the office's name is part of the role.
    if (m.kind === 'role' && m.to + 1 < s.to && t[m.to].norm === 'of' && raw[i + 1]?.kind === 'other' && raw[i + 1].from === m.to + 1
      && !raw[i + 1].parties.length && t.slice(raw[i + 1].from, raw[i + 1].to).every((x) => /^\p{Lu}/u.test(x.text))) {
      const office = raw[++i];
      m = { ...m, to: office.to, text: text(m.from, office.to) };
    }
    // A role without a party takes it from "of A, B and C" or, for statements, "from A".
    if (m.kind === 'role' && !m.parties.length && m.to < s.to && t[m.to].norm === 'of' && raw[i + 1]?.kind === 'group' && raw[i + 1].from === m.to + 1) {
      const g = raw[++i];
      m = { ...g, from: m.from, text: text(m.from, g.to) };
    }
    if (m.kind === 'role' && !m.parties.length && m.to < s.to && /^(of|from|by)$/.test(t[m.to].norm)
      && (t[m.to].norm !== 'by' || DOCUMENT_HEADS.has(m.role!))) {
      const list = coordinatedAfter(i + 1, m.to + 1);
      if (list.length) {
        const parties = uniq(list.flatMap((x) => x.parties));
        const to = list[list.length - 1].to;
        m = { ...m, parties, plural: m.plural || parties.length > 1, to, text: text(m.from, to) };
        i += list.length;
      }
    }
    // "rival Palestinian factions Fatah and Hamas": a description followed by the names it describes stands for them.
    if (m.kind === 'other' && raw[i + 1]?.from === m.to && raw[i + 1].kind === 'party' && t[m.to - 1].pos === 'NOUN' && t[m.to - 1].norm.endsWith('s')) {
      const named = coordinatedAfter(i + 1, m.to);
      const to = named[named.length - 1].to;
      m = { ...m, kind: 'party', parties: uniq(named.flatMap((x) => x.parties)), plural: true, to, text: text(m.from, to) };
      i += named.length;
    }
    // "Israel's ambassador to the UN Ron Prosor": the name after a posted role is the role's holder.
    if (m.kind === 'role' && m.parties.length && raw[i + 2] && m.to < s.to && /^(to|at|in)$/.test(t[m.to].norm) && raw[i + 1]?.from === m.to + 1
      && raw[i + 1].kind === 'party' && raw[i + 2].from === raw[i + 1].to && (raw[i + 2].kind === 'name' || raw[i + 2].kind === 'person') && raw[i + 2].entity) {
      const holder = personWithRole(raw[i + 2], m.parties, m.role!);
      m = { ...holder, from: m.from, text: text(m.from, holder.to) };
      i += 2;
    }
    merged.push(m);
  }

  function closingComma(from: number): number {
    for (let k = from; k < Math.min(s.to, from + 10); k++) {
      if (t[k].text === ',' || t[k].text === ')') return k;
      if (t[k].pos === 'VERB' && !(k > 0 && isPossessiveMarker(t[k - 1]))) return from;
    }
    return from;
  }

  function coordinatedAfter(idx: number, at: number): Mention[] {
    const out: Mention[] = [];
    let pos = at;
    for (let j = idx; j < raw.length; j++) {
      const m = raw[j];
      if (m.from !== pos || !m.parties.length) break;
      out.push(m);
      pos = m.to;
      while (pos < s.to && /^(,|and|or)$/.test(t[pos].norm)) pos++;
    }
    return out;
  }

  // Resolution in reading order, so each mention sees those before it.
  /** "Britain, France and Germany, the three parties to the deal": the list a group noun stands beside. */
  function listBefore(i: number): string[] {
    const list: string[] = [];
    let cur = merged[i];
    for (let j = i - 1; j >= 0; j--) {
      const prev = merged[j];
      const between = t.slice(prev.to, cur.from).map((x) => x.norm).join(' ');
      const ok = cur === merged[i] ? between === ',' : /^(,|and|, and|or|, or)$/.test(between);
      if (!ok || !prev.parties.length || prev.kind === 'other' || prev.kind === 'group' || prev.kind === 'pronoun') break;
      list.unshift(...prev.parties.filter((p) => !list.includes(p)));
      cur = prev;
    }
    return list;
  }

  for (let i = 0; i < merged.length; i++) {
    const m = merged[i];
    // A person named earlier in this same sentence may have got a title since ("Lavrov's visit").
    if ((m.kind === 'name' || m.kind === 'person') && m.entity?.parties.length && !m.parties.length) {
      m.parties = m.entity.parties;
      m.kind = 'person';
    }
    if (m.kind === 'pronoun' && !m.firstPerson) {
      const kind = PRONOUNS[t[m.from].norm] as 'person' | 'thing' | 'plural';
      const ante = d.antecedent(kind, m.from);
      const plural = kind === 'plural' && d.lastPlural && (!ante || d.lastPlural.sentence >= ante.sentence) ? d.lastPlural.parties : null;
      m.parties = plural ?? ante?.parties ?? [];
    } else if (m.kind === 'group') {
      const list = listBefore(i);
      const ranked = list.length === m.group!.n
        ? [...list, ...d.groupCandidates(m.group!.n, s.index).filter((p) => !list.includes(p))]
        : d.groupCandidates(m.group!.n, s.index);
      m.group = { n: m.group!.n, ranked };
      m.parties = ranked.slice(0, m.group.n);
    } else if (m.kind === 'role' && !m.parties.length && m.plural && GROUP_NOUNS.has(t[m.to - 1].norm) && d.upcomingList.length > 1) {
      // "European countries have accused Russia ... The ministers of France, Germany and Italy said":
      // a group named only by region stands for the list the next sentence gives.
      m.parties = d.upcomingList;
    } else if (m.kind === 'role' && !m.parties.length) {
      const head = t[m.from];
      if (POSSESSIVE_PRONOUNS.has(head.norm)) {
        const ante = d.antecedent(PRONOUNS[head.norm] as 'person' | 'thing' | 'plural', m.from);
        // "his counterpart", "his hosts": the other side of the meeting, not the possessor's own.
        if (RELATIONAL_HEADS.has(t[m.to - 1].norm)) {
          const own = ante?.parties ?? [];
          const other = [...(d.lastMeeting && d.lastMeeting.sentence >= s.index - 3 ? d.lastMeeting.parties : []), ...d.salient(s.index)]
            .find((p) => !own.includes(p) && d.kindOf(p) !== 'body');
          m.parties = other ? [other] : [];
          m.plural = false;
        } else m.parties = ante?.parties ?? [];
      } else if (/^(the|this)$/.test(head.norm)) {
        const kinds = KIND_NOUNS[t[m.to - 1].norm];
        const e = kinds ? undefined : d.findRole(m.role!);
        if (e) { m.parties = e.parties; m.entity = e; }
        const p = kinds && m.to - m.from === 2 ? d.ofKind((id) => kinds.includes(d.kindOf(id) ?? ''), m.from, s.index) : undefined;
        if (p) m.parties = [p];
      }
      // "a ministry spokesman", "an embassy official": the institution named before speaks through them.
      if (!m.parties.length) {
        for (let k = m.to - 2; k >= m.from && !m.parties.length; k--) {
          if (!isRoleWord(t[k]) || PERSON_HEADS.has(family(t[k]))) continue;
          const e = d.findRole(family(t[k]));
          if (e) m.parties = e.parties;
        }
      }
    }
    // "Secretary of State Antony Blinken": an office holder named at the end of a role without a party.
    if (m.kind === 'role' && !m.parties.length) {
      const holder = trailingHolder(m);
      if (holder) m.parties = [holder];
    }
    // "The Kremlin rejected it. Spokesman Dmitry Peskov said ...": a spokesperson with no party of
    // their own speaks for whoever the previous sentence was about.
    if (!m.parties.length && m.role === 'spokesman' && (m.kind === 'role' || m.kind === 'name') && s.index > 0) {
      const subject = d.firstActorOf(s.index - 1);
      if (subject) {
        m.parties = subject.parties.slice(0, 1);
        if (m.kind === 'name' && m.entity) { m.entity.parties = m.parties; m.kind = 'person'; d.index(m.entity); }
      }
    }
    if (m.kind === 'role' && !m.entity && m.parties.length && m.role) {
      const e: Entity = { names: [], display: m.text, parties: m.parties, role: m.role, person: PERSON_HEADS.has(m.role) };
      d.addEntity(e);
      m.entity = e;
    } else if (m.kind === 'role' && !m.entity && m.role) {
      m.entity = { names: [], display: m.text, parties: [], role: m.role, person: PERSON_HEADS.has(m.role) };
    }
    for (const p of m.parties) d.countParty(s.index, p, m.kind === 'group' || m.kind === 'pronoun' ? 0 : m.kind === 'other' ? 0.5 : capitalOnly(m) ? 0.5 : 1);
    d.history.push(m);
  }
  function trailingHolder(m: Mention): string | null {
    let k = m.to;
    while (k > m.from && isNameToken(t[k - 1])) k--;
    const names = t.slice(k, m.to).map((x) => x.norm);
    return names.length >= 2 ? officeHolderIndex().lookup(names)?.party ?? null : null;
  }
  function capitalOnly(m: Mention): boolean {
    return m.kind === 'party' && matches.some((x) => x.from >= m.from && x.to <= m.to && x.form === 'capital');
  }

  recordCoordinations(merged, t, s, d);
  const at = new TokenIndex<Mention>(s.from, s.to);
  for (const m of merged) for (let k = m.from; k < m.to; k++) at.set(k, m);
  return { mentions: merged, at };
};

/** A name several parties share is the one the article has talked about most, else its default. */
const resolveAmbiguous = (found: PartyMatch[], d: Discourse): PartyMatch[] => {
  const out: PartyMatch[] = [];
  for (const m of found) {
    if (!m.candidates) { out.push(m); continue; }
    let best = m.id;
    let score = 0;
    for (const c of m.candidates) if (d.total(c) > score) { best = c; score = d.total(c); }
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
    if (!m.parties.length || m.kind === 'other' || m.kind === 'group' || m.kind === 'pronoun') { flush(); continue; }
    const prev = run[run.length - 1];
    const between = prev ? t.slice(prev.to, m.from).map((x) => x.norm).join(' ') : '';
    if (prev && !/^(,|and|, and|or|, or)$/.test(between)) flush();
    run.push(m);
  }
  flush();
};
