import type { Entity, Mention } from './types.js';

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
  lastPlural: { sentence: number; parties: string[] } | null = null;
  lastMeeting: { sentence: number; parties: string[] } | null = null;

  countParty(sentence: number, id: string, weight: number): void {
    while (this.counts.length <= sentence) this.counts.push(new Map());
    const m = this.counts[sentence];
    m.set(id, (m.get(id) ?? 0) + weight);
  }

  /** Parties ranked by how much the last few sentences talk about them. */
  salient(sentence: number): string[] {
    const score = new Map<string, number>();
    this.counts.forEach((m, s) => {
      const w = s > sentence ? 0 : s >= sentence - 2 ? 1 : 0.1;
      for (const [id, n] of m) score.set(id, (score.get(id) ?? 0) + w * n);
    });
    return [...score.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  }

  /** The latest list of exactly n parties, if recent enough, else the n most salient parties. */
  groupCandidates(n: number, sentence: number): string[] {
    for (let i = this.coordinations.length - 1; i >= 0; i--) {
      const c = this.coordinations[i];
      if (c.sentence < sentence - 6) break;
      if (c.parties.length === n) return [...c.parties, ...this.salient(sentence).filter((p) => !c.parties.includes(p))];
    }
    return this.salient(sentence);
  }

  findPerson(nameTokens: string[]): Entity | undefined {
    const full = nameTokens.join(' ');
    for (let i = this.entities.length - 1; i >= 0; i--) {
      const e = this.entities[i];
      if (e.names.length && e.names.join(' ') === full) return e;
    }
    // A short mention is one of the names of someone introduced earlier: "Dar", "Lee".
    if (nameTokens.length === 1) {
      for (let i = this.entities.length - 1; i >= 0; i--) if (this.entities[i].names.includes(nameTokens[0])) return this.entities[i];
    }
    return undefined;
  }

  findRole(role: string): Entity | undefined {
    for (let i = this.entities.length - 1; i >= 0; i--) if (this.entities[i].role === role) return this.entities[i];
    return undefined;
  }

  /** Latest earlier mention that a pronoun of this kind can refer to. */
  antecedent(kind: 'person' | 'thing' | 'plural', before: number): Mention | undefined {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const m = this.history[i];
      if (m.from >= before) continue;
      if (m.sentence < (this.history.at(-1)?.sentence ?? 0) - 2) break;
      if (!m.parties.length) continue;
      if (kind === 'person' && (m.kind === 'person' || (m.kind === 'role' && m.entity?.person && !m.plural))) return m;
      if (kind === 'thing' && !m.plural && (m.kind === 'party' || (m.kind === 'role' && !m.entity?.person))) return m;
      if (kind === 'plural' && (m.plural || m.kind === 'group')) return m;
    }
    return undefined;
  }
}
