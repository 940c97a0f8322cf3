// Targets read from what a claim says rather than from the word right after its cue: "condemned
// the unprovoked violation of its airspace by Iran", "condemned new sanctions imposed by the
// United States". When the clause names no other party ("condemned the attack"), the act it
// points to is the one the article has been reporting, so its party is the latest target.
import type { SentenceView } from '../grammar.js';
import type { Mention } from '../mentions/types.js';

/** The first party the span [from, end) names that is not one of `exclude`, with those coordinated to it. */
export const firstPartyIn = (v: SentenceView, from: number, end: number, exclude: Set<string>): { parties: string[]; mention: string } | null => {
  let found: Mention | null = null;
  const parties: string[] = [];
  for (let k = from; k < end; k++) {
    const m = v.at.get(k);
    if (!m || m.from !== k) continue;
    const own = m.parties.filter((p) => !exclude.has(p));
    if (!found) {
      if (!own.length || m.kind === 'group') continue;
      found = m;
      parties.push(...own);
      k = m.to - 1;
      continue;
    }
    // "by Nigeria and Benin": parties joined to the first one by a conjunction belong with it.
    const between = v.t
      .slice(found.to, m.from)
      .map((t) => t.norm)
      .join(' ');
    if (!/^(and|or|,|, and)$/.test(between) || !own.length) break;
    parties.push(...own.filter((p) => !parties.includes(p)));
    found = m;
    k = m.to - 1;
  }
  return found ? { parties, mention: found.text } : null;
};

/** The party the article's latest claims were about, other than the actor's own. */
export const contextTarget = (recentTargets: string[], salient: string[], exclude: Set<string>): string | null =>
  recentTargets.find((p) => !exclude.has(p)) ?? salient.find((p) => !exclude.has(p)) ?? null;

/** The party named nearest before token `at` within [from, at), not one of `exclude`: the doer of "X has violated". */
export const nearestPartyBefore = (v: SentenceView, from: number, at: number, exclude: Set<string>): { parties: string[]; mention: string } | null => {
  for (let k = at - 1; k >= from; k--) {
    const m = v.at.get(k);
    if (!m || m.kind === 'group') continue;
    const own = m.parties.filter((p) => !exclude.has(p));
    if (own.length) return { parties: own, mention: m.text };
    k = m.from;
  }
  return null;
};

/** Nouns for one hostile act, whichever a later sentence uses: "the airstrike" is the earlier "Turkish raid". */
const ATTACK_NOUNS = new Set([
  'attack',
  'airstrike',
  'strike',
  'raid',
  'assault',
  'bombing',
  'shelling',
  'offensive',
  'incursion',
  'bombardment',
  'ambush',
  'killing',
]);

const headLemma = (v: SentenceView, m: Mention): string => v.a.tokens[m.to - 1].lemma;
const sameAct = (a: string, b: string): boolean => a === b || (ATTACK_NOUNS.has(a) && ATTACK_NOUNS.has(b));

/**
 * "condemned the attack": the party of the act the article named before with a party attached
 * ("the Tuesday Shabaab assault", "Ankara's aerial raid"), found by the head noun of `[from, to)`'s
 * first partyless phrase. Looks back through the article's mentions, latest first.
 */
export const eventReferent = (v: SentenceView, from: number, to: number, exclude: Set<string>): { parties: string[]; mention: string } | null => {
  let head: string | null = null;
  for (let k = from; k < to && !head; k++) {
    const m = v.at.get(k);
    if (m && m.kind === 'other' && !m.parties.length) head = headLemma(v, m);
  }
  if (!head) return null;
  // Bounded: an act named hundreds of mentions back is not what "the attack" means, and long articles stay linear.
  for (let i = v.d.history.length - 1; i >= Math.max(0, v.d.history.length - 300); i--) {
    const m = v.d.history[i];
    if (m.kind !== 'other' || m.from >= from || !sameAct(headLemma(v, m), head)) continue;
    const own = m.parties.filter((p) => !exclude.has(p));
    if (own.length) return { parties: own, mention: m.text };
  }
  return null;
};
