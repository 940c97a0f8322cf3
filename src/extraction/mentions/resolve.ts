// Pass 3: resolution in reading order, so each mention sees those before it: people met before,
// pronouns, groups ("both sides"), definite roles ("the ministry", "the group"), spokespeople, office
// holders at the end of a role; every resolved party is counted in the discourse.
import { officeHolderIndex } from '../parties/office-holders.js';
import { GROUP_NOUNS, KIND_NOUNS, PERSON_HEADS, POSSESSIVE_PRONOUNS, PRONOUNS, RELATIONAL_HEADS } from './lexicon.js';
import { family, isNameToken, isRoleWord, type MentionContext } from './mention-context.js';
import type { Entity, Mention } from './types.js';

export const resolveMentions = (ctx: MentionContext, merged: Mention[]): void => {
  const { s, t, d, matches } = ctx;
  /** "Britain, France and Germany, the three parties to the deal": the list a group noun stands beside. */
  function listBefore(i: number): string[] {
    const list: string[] = [];
    let cur = merged[i];
    for (let j = i - 1; j >= 0; j--) {
      const prev = merged[j];
      const between = t
        .slice(prev.to, cur.from)
        .map((x) => x.norm)
        .join(' ');
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
      const ranked =
        list.length === m.group!.n
          ? [...list, ...d.groupCandidates(m.group!.n, s.index).filter((p) => !list.includes(p))]
          : d.groupCandidates(m.group!.n, s.index);
      m.group = { n: m.group!.n, ranked };
      m.parties = ranked.slice(0, m.group.n);
      // "both countries" resolved once is what "the two sides" means a few sentences on.
      if (m.parties.length === m.group.n) d.coordinations.push({ sentence: s.index, parties: m.parties });
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
          const other = [...(d.lastMeeting && d.lastMeeting.sentence >= s.index - 3 ? d.lastMeeting.parties : []), ...d.salient(s.index)].find(
            (p) => !own.includes(p) && d.kindOf(p) !== 'body',
          );
          m.parties = other ? [other] : [];
          m.plural = false;
        } else m.parties = ante?.parties ?? [];
      } else if (/^(the|this)$/.test(head.norm)) {
        const kinds = KIND_NOUNS[t[m.to - 1].norm];
        const e = kinds ? undefined : d.findRole(m.role!);
        if (e) {
          m.parties = e.parties;
          m.entity = e;
        }
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
        if (m.kind === 'name' && m.entity) {
          m.entity.parties = m.parties;
          m.kind = 'person';
          d.index(m.entity);
        }
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
    return names.length >= 2 ? (officeHolderIndex().lookup(names)?.party ?? null) : null;
  }
  function capitalOnly(m: Mention): boolean {
    return m.kind === 'party' && matches.some((x) => x.from >= m.from && x.to <= m.to && x.form === 'capital');
  }
};
