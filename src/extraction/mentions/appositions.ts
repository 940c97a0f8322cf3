// Pass 2: structure between mentions: appositions ("X, Ukraine's foreign minister,"), "Title, Name,",
// "the ministers of A, B and C", "the Ministry of Foreign Affairs", "rival factions X and Y", and
// "X's ambassador to the UN Name".
import { isPossessiveMarker } from './chunks.js';
import { DOCUMENT_HEADS } from './lexicon.js';
import { uniq, type MentionContext } from './mention-context.js';
import { personWithRole as personWithRoleOf } from './people.js';
import type { Mention } from './types.js';

export const joinAppositions = (ctx: MentionContext, raw: Mention[]): Mention[] => {
  const { s, t, text } = ctx;
  const personWithRole = (p: Mention, parties: string[], role: string) => personWithRoleOf(ctx, p, parties, role);
  const merged: Mention[] = [];
  for (let i = 0; i < raw.length; i++) {
    let m = raw[i];
    const next = raw[i + 1];
    const commaAfter = (x: Mention) => x.to < s.to && t[x.to].text === ',';
    // "Andrii Sybiha, Ukraine's foreign minister, ..." / "France, Germany's closest ally, ..."
    // "Doha, a diplomat said": a phrase followed by its own verb is a new subject, not an apposition.
    // An apposition closes with a comma, a bracket or the sentence; "Muscat, two officials familiar with ..." does not.
    const closed = (x: Mention) => {
      const c = closingComma(x.to);
      return c >= s.to || /^[,.!?"”)]$/.test(t[c].text);
    };
    const ownVerb = (x: Mention) => (x.to < s.to && (t[x.to].pos === 'VERB' || t[x.to].pos === 'AUX')) || !closed(x);
    if (
      next &&
      commaAfter(m) &&
      next.from === m.to + 1 &&
      (m.kind === 'name' || m.kind === 'person' || m.kind === 'party') &&
      !ownVerb(next) &&
      (next.kind === 'role' ||
        (next.kind === 'other' && /^(a|an|the)$/.test(t[next.from].norm)) ||
        (next.kind === 'other' && isPossessiveMarker(t[next.from + 1] ?? t[next.from])))
    ) {
      // "Gan Yu, a spokesperson for China's Coast Guard": the office may be named after the role.
      const after =
        next.kind === 'role' && !next.parties.length && next.to < s.to && /^(of|for|from)$/.test(t[next.to].norm)
          ? uniq(coordinatedAfter(i + 2, next.to + 1).flatMap((x) => x.parties))
          : [];
      const roleParties = next.parties.length ? next.parties : after.length ? after : m.parties;
      if (next.kind === 'role' && (m.kind === 'name' || m.kind === 'person') && m.entity) m = personWithRole(m, roleParties, next.role!);
      const close = closingComma(next.to);
      m = { ...m, to: close, text: text(m.from, close) };
      i++;
      while (raw[i + 1] && raw[i + 1].from < close) i++;
    } else if (
      next &&
      commaAfter(m) &&
      next.from === m.to + 1 &&
      m.kind === 'role' &&
      (next.kind === 'name' || next.kind === 'person') &&
      next.entity &&
      (next.to >= s.to || t[next.to].text === ',' || t[next.to].pos === 'VERB' || t[next.to].pos === 'AUX')
    ) {
      // "Russia's Foreign Minister, Sergei Lavrov, met ..."
      const p = personWithRole(next, m.parties.length ? m.parties : next.parties, m.role!);
      m = { ...p, from: m.from, to: next.to, text: text(m.from, next.to) };
      i++;
    }
    // "The Ministry of Foreign Affairs", "the Committee for National Security": the office's name is part of the role.
    if (
      m.kind === 'role' &&
      m.to + 1 < s.to &&
      /^(of|for)$/.test(t[m.to].norm) &&
      raw[i + 1]?.kind === 'other' &&
      raw[i + 1].from === m.to + 1 &&
      !raw[i + 1].parties.length &&
      t.slice(raw[i + 1].from, raw[i + 1].to).every((x) => /^\p{Lu}/u.test(x.text))
    ) {
      const office = raw[++i];
      m = { ...m, to: office.to, text: text(m.from, office.to) };
    }
    // A role without a party takes it from "of A, B and C" or, for statements, "from A".
    if (m.kind === 'role' && !m.parties.length && m.to < s.to && t[m.to].norm === 'of' && raw[i + 1]?.kind === 'group' && raw[i + 1].from === m.to + 1) {
      const g = raw[++i];
      m = { ...g, from: m.from, text: text(m.from, g.to) };
    }
    if (
      m.kind === 'role' &&
      !m.parties.length &&
      m.to < s.to &&
      /^(of|from|by)$/.test(t[m.to].norm) &&
      (t[m.to].norm !== 'by' || DOCUMENT_HEADS.has(m.role!))
    ) {
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
    if (
      m.kind === 'role' &&
      m.parties.length &&
      raw[i + 2] &&
      m.to < s.to &&
      /^(to|at|in)$/.test(t[m.to].norm) &&
      raw[i + 1]?.from === m.to + 1 &&
      raw[i + 1].kind === 'party' &&
      raw[i + 2].from === raw[i + 1].to &&
      (raw[i + 2].kind === 'name' || raw[i + 2].kind === 'person') &&
      raw[i + 2].entity
    ) {
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

  return merged;
};
