// The scorer's one-to-one matching, redone here because score.mjs reports only totals and the
// error classes need to know which prediction went with which reference claim. It follows
// score.mjs line for line (same folding, same field rules, same weights and order), and
// buildReport checks the resulting counts against the scorer's own before using them.
import type { Scorer } from './scorer.js';
import type { GoldArticle, GoldClaim, GoldDoc, PredictedClaim } from './types.js';

export interface FieldAgreement { actors: boolean; targets: boolean; source: boolean }

/** A reference claim paired with a prediction: indexes into the article's claims and predictions. */
export interface Match { gold: number; pred: number; fields: FieldAgreement }

/** The evidence sentence of a prediction, folded. */
export const predictedEvidence = (scorer: Scorer, p: PredictedClaim & { sentence?: string }): string =>
  scorer.fold(typeof p.evidence === 'string' ? p.evidence : p.evidence?.text ?? p.sentence ?? '');

/** The scorer's sentence test: one folded evidence contains the other. */
export const sameEvidence = (predicted: string, reference: string): boolean =>
  !!predicted && (predicted.includes(reference) || reference.includes(predicted));

const partySet = (scorer: Scorer, xs: unknown): Set<string> =>
  new Set((Array.isArray(xs) ? xs : xs ? [xs] : []).map(scorer.party).filter((x): x is string => !!x));

/** Which of actors, targets and source agree, by the scorer's rules. */
export const compareFields = (scorer: Scorer, g: GoldClaim, p: PredictedClaim): FieldAgreement => {
  const ga = partySet(scorer, g.actors), pa = partySet(scorer, p.actors);
  const actors = ga.size === pa.size && [...ga].every((x) => pa.has(x));
  const gt = partySet(scorer, g.targets), pt = partySet(scorer, p.targets);
  // No reference target: any predicted target must be one of the actors (e.g. "both sides").
  const targets = gt.size === 0 ? [...pt].every((x) => ga.has(x)) : pt.size > 0 && [...pt].every((x) => gt.has(x));
  const source = (g.source ?? [null]).map(scorer.party).includes(scorer.party(p.source));
  return { actors, targets, source };
};

/** Greedy one-to-one pairing, best weight first; required references outweigh any field agreement. */
export const matchArticle = (scorer: Scorer, article: GoldArticle, preds: PredictedClaim[]): Match[] => {
  const candidates: (Match & { weight: number })[] = [];
  article.claims.forEach((g, gi) => {
    const ge = scorer.fold(g.evidence);
    preds.forEach((p, pi) => {
      if (p.type !== g.type || !sameEvidence(predictedEvidence(scorer, p), ge)) return;
      const fields = compareFields(scorer, g, p);
      candidates.push({ gold: gi, pred: pi, fields, weight: (g.required ? 10 : 0) + +fields.actors + +fields.targets + +fields.source });
    });
  });
  candidates.sort((a, b) => b.weight - a.weight); // stable, as in score.mjs
  const goldUsed = new Set<number>(), predUsed = new Set<number>();
  const matches: Match[] = [];
  for (const { gold, pred, fields } of candidates) {
    if (goldUsed.has(gold) || predUsed.has(pred)) continue;
    goldUsed.add(gold); predUsed.add(pred);
    matches.push({ gold, pred, fields });
  }
  return matches;
};

/**
 * score.mjs learns a reference file's extra aliases only inside score(), into module state that
 * party() then reads. Scoring an empty document with the same aliases makes that explicit here.
 */
export const registerAliases = (scorer: Scorer, gold: GoldDoc): void => {
  scorer.score({ aliases: gold.aliases ?? [], articles: [] }, { articles: [] });
};
