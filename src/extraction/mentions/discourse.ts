import type { ActorKind } from '../parties/actors.js';
import { partyIndex } from '../parties/party-index.js';
import type { Entity, Mention } from './types.js';

const MEDIATING_KINDS = new Set(['body', 'alliance']);

/**
 * What the article has said so far: the people and offices it introduced, the mentions in order
 * (for pronouns), lists of parties it coordinated (for "both sides", "the four nations") and how
 * often each party came up (the fallback for those). Read and written sentence by sentence.
 */
export class Discourse {
  readonly entities: Entity[] = [];
  readonly history: Mention[] = [];
  readonly coordinations: { sentence: number; parties: string[] }[] = [];
  private readonly counts: Map<string, number>[] = [];
  private readonly totals = new Map<string, number>();
  private readonly byName = new Map<string, Entity[]>();
  private readonly byRole = new Map<string, Entity>();
  lastPlural: { sentence: number; parties: string[] } | null = null;
  lastMeeting: { sentence: number; parties: string[] } | null = null;
  /** The first list of parties the next two sentences coordinate ("France, Germany and Italy"), if any. */
  upcomingList: string[] = [];
  /** Kinds of the parties this article defines itself ("the Popular Front (PF)"). */
  private readonly ownKinds = new Map<string, ActorKind>();

  defineKind(id: string, kind: ActorKind): void {
    this.ownKinds.set(id, kind);
  }

  kindOf(id: string): ActorKind | undefined {
    return this.ownKinds.get(id) ?? partyIndex().kindOf(id);
  }

  countParty(sentence: number, id: string, weight: number): void {
    while (this.counts.length <= sentence) this.counts.push(new Map());
    const m = this.counts[sentence];
    m.set(id, (m.get(id) ?? 0) + weight);
    this.totals.set(id, (this.totals.get(id) ?? 0) + weight);
  }

  /** How much the article has talked about a party so far. */
  total(id: string): number {
    return this.totals.get(id) ?? 0;
  }

  /** Entities are indexed by each name and by role, so look-ups stay cheap in long articles. */
  addEntity(e: Entity): void {
    this.entities.push(e);
    this.index(e);
  }

  index(e: Entity): void {
    for (const n of e.names) {
      const list = this.byName.get(n) ?? [];
      if (!list.includes(e)) list.push(e);
      this.byName.set(n, list);
    }
    if (e.role && e.parties.length) this.byRole.set(e.role, e);
  }

  /** Parties ranked by how much the last few sentences talk about them. */
  salient(sentence: number): string[] {
    // The last three sentences count fully, the rest of the article a tenth.
    const score = new Map<string, number>();
    for (const [id, n] of this.totals) score.set(id, 0.1 * n);
    for (let s = Math.max(0, sentence - 2); s <= sentence && s < this.counts.length; s++) {
      for (const [id, n] of this.counts[s]) score.set(id, (score.get(id) ?? 0) + 0.9 * n);
    }
    return [...score.entries()]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
  }

  /** The latest list of exactly n parties, if recent enough, else the n most salient parties. */
  groupCandidates(n: number, sentence: number): string[] {
    // "The two sides" are the parties in dispute: a body or alliance that mediates comes after them.
    const ranked = this.salient(sentence);
    const salient = [...ranked.filter((p) => !MEDIATING_KINDS.has(this.kindOf(p) ?? '')), ...ranked.filter((p) => MEDIATING_KINDS.has(this.kindOf(p) ?? ''))];
    const put = (parties: string[]) => [...parties, ...salient.filter((p) => !parties.includes(p))];
    for (let i = this.coordinations.length - 1; i >= 0; i--) {
      const c = this.coordinations[i];
      if (c.sentence < sentence - 6) break;
      if (c.parties.length === n) return put(c.parties);
    }
    // Further back, a list of n counts only if it names the article's main parties: "the two sides"
    // late in a report on two countries means those two, not whoever came up last.
    const main = [...this.totals.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n + 1)
      .map(([id]) => id);
    // Bounded, so that long articles stay linear.
    for (let i = this.coordinations.length - 1; i >= Math.max(0, this.coordinations.length - 50); i--) {
      const c = this.coordinations[i];
      if (c.parties.length === n && c.parties.every((p) => main.includes(p))) return put(c.parties);
    }
    return salient;
  }

  findPerson(nameTokens: string[]): Entity | undefined {
    const full = nameTokens.join(' ');
    const candidates = this.byName.get(nameTokens[nameTokens.length - 1]) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i].names.join(' ') === full) return candidates[i];
    // A short mention is one of the names of someone introduced earlier: "Lavrov", "Lee".
    if (nameTokens.length === 1) return candidates.at(-1);
    return undefined;
  }

  findRole(role: string): Entity | undefined {
    return this.byRole.get(role);
  }

  /**
   * The party a definite kind noun ("the agency", "the country") stands for: the latest one of that
   * kind earlier in this sentence, else the first one of the latest sentence that has one (its
   * subject, most often). Looks back a few sentences only.
   */
  ofKind(accept: (party: string) => boolean, before: number, sentence: number): string | undefined {
    let found: string | undefined;
    let foundSentence = -1;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const m = this.history[i];
      if (m.sentence < sentence - 3 || (foundSentence >= 0 && m.sentence < foundSentence)) break;
      if (m.from >= before || m.kind === 'pronoun' || m.kind === 'group' || m.kind === 'other') continue;
      const p = m.parties.length === 1 && accept(m.parties[0]) ? m.parties[0] : undefined;
      if (!p) continue;
      if (m.sentence === sentence) return p;
      found = p;
      foundSentence = m.sentence;
    }
    return found;
  }

  /** The first actor of a sentence, if it names a party: most often its subject. */
  firstActorOf(sentence: number): Mention | undefined {
    let first: Mention | undefined;
    for (let i = this.history.length - 1; i >= 0 && this.history[i].sentence >= sentence; i--) {
      const m = this.history[i];
      if (m.sentence === sentence && m.kind !== 'other' && m.kind !== 'group') first = m;
    }
    // Only a subject that names its party: "Western governments, including the US" does not.
    return first?.parties.length ? first : undefined;
  }

  /** Latest earlier mention that a pronoun of this kind can refer to. */
  antecedent(kind: 'person' | 'thing' | 'plural', before: number): Mention | undefined {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const m = this.history[i];
      if (m.from >= before) continue;
      // People stay in view longer than things: wire copy says "he" of the lead's speaker paragraphs later.
      if (m.sentence < (this.history.at(-1)?.sentence ?? 0) - (kind === 'person' ? 5 : 2)) break;
      if (!m.parties.length) continue;
      if (kind === 'person' && (m.kind === 'person' || (m.kind === 'role' && m.entity?.person && !m.plural))) return m;
      if (kind === 'thing' && !m.plural && (m.kind === 'party' || (m.kind === 'role' && !m.entity?.person))) return m;
      if (kind === 'plural' && (m.plural || m.kind === 'group')) return m;
    }
    return undefined;
  }
}
