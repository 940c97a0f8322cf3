// Sorts each error of one article into its class: why a required reference claim was missed,
// which fields of a match are wrong, and where a false positive sits. The matches come from
// matchArticle, so the classes add up to the scorer's own misses, partials and false positives.
import type { ErrorClass, ErrorItem } from './error-classes.js';
import { predictedEvidence, sameEvidence, type Match } from './matching.js';
import type { Scorer } from './scorer.js';
import type { ArticleText, GoldArticle, GoldClaim, PredictedClaim } from './types.js';

interface ArticleContext {
  scorer: Scorer;
  article: GoldArticle;
  preds: PredictedClaim[];
  matches: Match[];
  text: ArticleText;
}

const item = (c: ArticleContext, kind: ErrorClass, g: GoldClaim | null, p: PredictedClaim | null, detail: string): ErrorItem =>
  ({ kind, file: c.article.file, id: g?.id ?? null, type: (g ?? p)!.type, evidence: g?.evidence ?? rawEvidence(p!), detail });

/** The prediction's sentence as written, for people to read (matching uses the folded form). */
const rawEvidence = (p: PredictedClaim): string => (typeof p.evidence === 'string' ? p.evidence : p.evidence?.text ?? '');

const asList = (xs: unknown): unknown[] => (Array.isArray(xs) ? xs : xs ? [xs] : []);

/** Parties as the report shows them: the slug, or ?mention when the extractor could not resolve it. */
const shown = (scorer: Scorer, xs: unknown): string =>
  `[${asList(xs).map((x) => scorer.party(x) ?? `?${(x as { mention?: string }).mention ?? ''}`).join(', ')}]`;

/** Why no prediction was paired with a required reference claim. */
const classifyMiss = (c: ArticleContext, gi: number): ErrorItem => {
  const g = c.article.claims[gi];
  const ge = c.scorer.fold(g.evidence);
  const onSentence = c.preds.map((p, pi) => ({ p, pi })).filter(({ p }) => sameEvidence(predictedEvidence(c.scorer, p), ge));
  if (onSentence.length > 0) {
    // An unpaired prediction of the same type cannot be here: the matching would have paired it.
    const unpaired = onSentence.find(({ pi }) => !c.matches.some((m) => m.pred === pi));
    if (unpaired) return item(c, 'wrongType', g, null, `predicted ${unpaired.p.type}`);
    const taker = c.matches.find((m) => onSentence.some(({ pi }) => pi === m.pred))!;
    return item(c, 'sentenceTaken', g, null, `its prediction went to ${c.article.claims[taker.gold].id}`);
  }
  if (!c.scorer.fold(c.text.body).includes(ge)) return item(c, 'notInBody', g, null, 'check the reference evidence');
  if (!c.text.sentences().some((s) => c.scorer.fold(s).includes(ge))) return item(c, 'noSentence', g, null, 'the sentence split cuts the evidence');
  return item(c, 'noClaimInSentence', g, null, '');
};

/** The wrong fields of a paired required claim; an unresolved actor is told apart from a wrong one. */
const classifyFields = (c: ArticleContext, m: Match): ErrorItem[] => {
  const g = c.article.claims[m.gold], p = c.preds[m.pred];
  const items: ErrorItem[] = [];
  if (!m.fields.actors) {
    const unresolved = asList(p.actors).some((a) => c.scorer.party(a) === null);
    items.push(item(c, unresolved ? 'actorUnresolved' : 'wrongActor', g, p, `reference ${shown(c.scorer, g.actors)}, predicted ${shown(c.scorer, p.actors)}`));
  }
  if (!m.fields.targets) items.push(item(c, 'wrongTarget', g, p, `reference ${shown(c.scorer, g.targets)}, predicted ${shown(c.scorer, p.targets)}`));
  if (!m.fields.source) {
    const predicted = c.scorer.party(p.source) ?? 'outlet';
    items.push(item(c, 'wrongSource', g, p, `reference ${(g.source ?? [null]).map((s) => s ?? 'outlet').join(' or ')}, predicted ${predicted}`));
  }
  return items;
};

/** Where an unpaired prediction sits: on a sentence the reference says is no claim, on a claim's sentence, or elsewhere. */
const classifyExtra = (c: ArticleContext, pi: number): ErrorItem => {
  const p = c.preds[pi];
  const pe = predictedEvidence(c.scorer, p);
  const notClaim = (c.article.not_claims ?? []).find((n) => sameEvidence(pe, c.scorer.fold(n.evidence)));
  if (notClaim) return item(c, 'onNotClaim', null, p, notClaim.note ?? '');
  const reference = c.article.claims.find((g) => sameEvidence(pe, c.scorer.fold(g.evidence)));
  if (reference) return item(c, 'onReferenceSentence', null, p, `reference ${reference.id} is ${reference.type}`);
  return item(c, 'otherExtra', null, p, '');
};

/** All errors of one article, misses first, then field errors, then false positives. */
export const classifyArticle = (c: ArticleContext): ErrorItem[] => {
  const pairedGold = new Set(c.matches.map((m) => m.gold)), pairedPred = new Set(c.matches.map((m) => m.pred));
  const misses = c.article.claims.flatMap((g, gi) => (g.required && !pairedGold.has(gi) ? [classifyMiss(c, gi)] : []));
  const fields = c.matches.filter((m) => c.article.claims[m.gold].required).flatMap((m) => classifyFields(c, m));
  const extras = c.preds.flatMap((_, pi) => (pairedPred.has(pi) ? [] : [classifyExtra(c, pi)]));
  return [...misses, ...fields, ...extras];
};
