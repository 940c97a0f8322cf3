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

interface Node {
  next: Map<string, Node>;
  party?: PartyInfo;
  /** Short all-capital aliases ("US", "WHO") must match with their case: "us" and "who" are words. */
  exact?: string;
  lowerStart?: boolean;
}

/** Case, apostrophes, spaces and accents do not matter: "Bogota" is "Bogotá". */
const key = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’´`]/g, "'").replace(/\s+/g, '');
const isAcronym = (alias: string): boolean => /^[A-Z.+\-0-9]{2,6}$/.test(alias);

/**
 * Finds party names in token streams. Aliases are keyed by their characters with spaces removed,
 * so matching does not depend on how the tokenizer splits "Hay'at Tahrir al-Sham" or "U.S.".
 */
export class PartyIndex {
  private readonly root: Node = { next: new Map() };
  private readonly kinds = new Map<string, ActorKind>();
  /**
   * Token texts repeat (most are everyday words) and `key` normalises Unicode, so each text is keyed
   * once. Bounded, so that a long-running service reading hostile text cannot grow it without end.
   */
  private readonly keys = new Map<string, string[]>();

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
      for (const alias of aliases) this.insert(alias, { id, kind: 'country', form: /^[A-Z][a-z]+$/.test(alias) && alias.endsWith('ish') ? 'demonym' : 'metonym' });
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
    let node = this.root;
    for (const ch of key(alias)) {
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map() }));
      node = n;
    }
    node.party = party;
    node.exact = isAcronym(alias) ? alias.replace(/\s+/g, '') : undefined;
    node.lowerStart = /^[a-z]/.test(alias);
  }

  /** Longest matches, left to right, never overlapping. Linear: aliases span at most 8 tokens. */
  match(tokens: Token[], from: number, to: number): PartyMatch[] {
    const out: PartyMatch[] = [];
    let i = from;
    while (i < to) {
      const found = this.longestAt(tokens, i, to);
      if (found) { out.push(found); i = found.to; } else i++;
    }
    return out;
  }

  private longestAt(tokens: Token[], start: number, to: number): PartyMatch | null {
    let node: Node | undefined = this.root;
    let best: Node | null = null;
    let bestTo = -1;
    for (let j = start; j < to && j < start + 8 && node; j++) {
      // Aliases never span a space-separated punctuation mark or a line break.
      if (j > start && tokens[j].start - tokens[j - 1].end > 1) break;
      const chars = this.keyOf(tokens[j].text);
      for (let c = 0; c < chars.length && node; c++) node = node.next.get(chars[c]);
      if (!node) break;
      if (node.party && this.acceptable(node, tokens, start, j)) { best = node; bestTo = j + 1; }
    }
    return best ? { ...best.party!, from: start, to: bestTo } : null;
  }

  /** A token text's key as the characters the trie is keyed by, each text keyed once (see `keys`). */
  private keyOf(text: string): string[] {
    let k = this.keys.get(text);
    if (k === undefined) {
      if (this.keys.size >= 50_000) this.keys.clear();
      this.keys.set(text, (k = [...key(text)]));
    }
    return k;
  }

  private acceptable(node: Node, tokens: Token[], start: number, end: number): boolean {
    if (node.exact) {
      let surface = '';
      for (let j = start; j <= end; j++) surface += tokens[j].text;
      return surface.replace(/[’]/g, "'") === node.exact;
    }
    return node.lowerStart || /^[\p{Lu}\d]/u.test(tokens[start].text);
  }
}

let shared: PartyIndex | null = null;
/** Building the index takes a few milliseconds; it is shared by every extraction. */
export const partyIndex = (): PartyIndex => (shared ??= new PartyIndex());
