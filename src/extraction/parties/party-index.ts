import type { Token } from '../nlp.js';
import { ACTORS, AMBIGUOUS_NAMES, COUNTRY_EXTRAS, type ActorKind } from './actors.js';
import { countryAliases, type PartyAlias } from './countries.js';

export interface PartyInfo {
  /** The party, or for an ambiguous name its default ('' when it has none). */
  id: string;
  /** For a name several parties share: all of them, for the article to decide between. */
  candidates?: string[];
  kind: ActorKind;
  form: PartyAlias['form'];
}

export interface PartyMatch extends PartyInfo {
  /** Token range [from, to). */
  from: number;
  to: number;
}

/** A token text's key, and whether it starts an alias (the usual answer: no). */
interface TokenKey {
  key: string;
  prefix: boolean;
}

interface Alias {
  party: PartyInfo;
  /** Short all-capital aliases ("US", "WHO") must match with their case: "us" and "who" are words. */
  exact?: string;
  lowerStart: boolean;
}

/** Case, apostrophes, spaces and accents do not matter: "Bogota" is "Bogotá". */
const key = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’´`]/g, "'")
    .replace(/\s+/g, '');
const isAcronym = (alias: string): boolean => /^[A-Z.+\-0-9]{2,6}$/.test(alias);

/**
 * Finds party names in token streams. Aliases are keyed by their characters with spaces removed,
 * so matching does not depend on how the tokenizer splits "Hay'at Tahrir al-Sham" or "U.S.".
 */
export class PartyIndex {
  /** Aliases by key. */
  private readonly aliases = new Map<string, Alias>();
  /**
   * Every prefix of every alias key, '' included. Tokens whose keys, joined, are none of these
   * start no alias: most tokens are ruled out by one look-up of their own key.
   */
  private readonly prefixes = new Set<string>(['']);
  private readonly kinds = new Map<string, ActorKind>();
  /**
   * Token texts repeat (most are everyday words) and `key` normalises Unicode, so each text is keyed
   * once. Bounded, so that a long-running service reading hostile text cannot grow it without end.
   */
  private readonly keys = new Map<string, TokenKey>();

  constructor() {
    const byAlias = new Map<string, PartyAlias[]>();
    for (const a of countryAliases()) {
      const list = byAlias.get(key(a.alias)) ?? [];
      if (!list.some((x) => x.id === a.id)) list.push(a);
      byAlias.set(key(a.alias), list);
      this.kinds.set(a.id, 'country');
    }
    // Shared demonyms and names ("Dominican", "Guinean") name no one party: the article decides.
    for (const list of byAlias.values()) {
      const candidates = list.length > 1 ? list.map((x) => x.id).sort() : undefined;
      this.insert(list[0].alias, { id: candidates ? '' : list[0].id, candidates, kind: 'country', form: list[0].form });
    }
    // Curated entries come last and win over the generated ones.
    for (const [id, aliases] of Object.entries(COUNTRY_EXTRAS)) {
      this.kinds.set(id, 'country');
      for (const alias of aliases)
        this.insert(alias, { id, kind: 'country', form: /^[A-Z][a-z]+$/.test(alias) && alias.endsWith('ish') ? 'demonym' : 'metonym' });
    }
    for (const [alias, ids] of Object.entries(AMBIGUOUS_NAMES)) {
      this.insert(alias, { id: ids[0], candidates: ids, kind: 'country', form: /ese$/.test(alias) ? 'demonym' : 'name' });
    }
    for (const actor of ACTORS) {
      this.kinds.set(actor.id, actor.kind);
      for (const alias of actor.aliases) this.insert(alias, { id: actor.id, kind: actor.kind, form: 'name' });
    }
  }

  kindOf(id: string): ActorKind | undefined {
    return this.kinds.get(id);
  }

  private insert(alias: string, party: PartyInfo): void {
    const k = key(alias);
    let prefix = '';
    for (const ch of k) this.prefixes.add((prefix += ch));
    // A later entry for the same key replaces the earlier one.
    this.aliases.set(k, { party, exact: isAcronym(alias) ? alias.replace(/\s+/g, '') : undefined, lowerStart: /^[a-z]/.test(alias) });
  }

  /** Longest matches, left to right, never overlapping. Linear: aliases span at most 8 tokens. */
  match(tokens: Token[], from: number, to: number): PartyMatch[] {
    const out: PartyMatch[] = [];
    let i = from;
    while (i < to) {
      const found = this.longestAt(tokens, i, to);
      if (found) {
        out.push(found);
        i = found.to;
      } else i++;
    }
    return out;
  }

  private longestAt(tokens: Token[], start: number, to: number): PartyMatch | null {
    let joined = '';
    let best: Alias | undefined;
    let bestTo = -1;
    for (let j = start; j < to && j < start + 8; j++) {
      // Aliases never span a space-separated punctuation mark or a line break.
      if (j > start && tokens[j].start - tokens[j - 1].end > 1) break;
      const k = this.keyOf(tokens[j].text);
      if (j === start && !k.prefix) break;
      joined += k.key;
      if (j > start && !this.prefixes.has(joined)) break;
      const alias = this.aliases.get(joined);
      if (alias && this.acceptable(alias, tokens, start, j)) {
        best = alias;
        bestTo = j + 1;
      }
    }
    if (!best) return null;
    // Built field by field: one object shape for every match (a spread here cost more than the search).
    const { id, candidates, kind, form } = best.party;
    return { id, candidates, kind, form, from: start, to: bestTo };
  }

  /** A token text's key, each text keyed once (see `keys`). */
  private keyOf(text: string): TokenKey {
    let k = this.keys.get(text);
    if (k === undefined) {
      if (this.keys.size >= 50_000) this.keys.clear();
      const chars = key(text);
      this.keys.set(text, (k = { key: chars, prefix: this.prefixes.has(chars) }));
    }
    return k;
  }

  private acceptable(alias: Alias, tokens: Token[], start: number, end: number): boolean {
    if (alias.exact) {
      let surface = '';
      for (let j = start; j <= end; j++) surface += tokens[j].text;
      return surface.replace(/[’]/g, "'") === alias.exact;
    }
    return alias.lowerStart || /^[\p{Lu}\d]/u.test(tokens[start].text);
  }
}

let shared: PartyIndex | null = null;
/** Building the index takes a few milliseconds; it is shared by every extraction. */
export const partyIndex = (): PartyIndex => (shared ??= new PartyIndex());
