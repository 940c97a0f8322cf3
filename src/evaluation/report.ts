// One evaluation report: the scorer's figures as they are, plus content overlap and error classes.
import { basename } from 'node:path';
import { classifyArticle } from './classify-errors.js';
import { meanContentOverlap, type ContentOverlap } from './content-overlap.js';
import { countErrors, type ErrorCounts, type ErrorItem } from './error-classes.js';
import { matchArticle, registerAliases, type Match } from './matching.js';
import type { ScoreReport, Scorer } from './scorer.js';
import type { ArticleText, GoldDoc, PredictedArticle, PredictedClaim } from './types.js';

export interface EvalReport extends ScoreReport {
  contentOverlap: ContentOverlap;
  errors: { counts: ErrorCounts; items: ErrorItem[] };
}

const NO_TEXT: ArticleText = { body: '', sentences: () => [] };

/** Our pairing must be the scorer's: if the counts differ, the error classes would not add up. */
const checkAgainstScorer = (base: ScoreReport, required: number, optional: number): void => {
  if (base.counts.matchedRequired !== required || base.counts.matchedOptional !== optional) {
    throw new Error(`eval: own matching found ${required}+${optional} matches, score.mjs ${base.counts.matchedRequired}+${base.counts.matchedOptional}; `
      + 'src/evaluation/matching.ts no longer follows score.mjs');
  }
};

/**
 * Scores `predicted` against `gold` with the shared scorer, then classifies every error.
 * `textOf` gives the body the extractor read, by file name, for telling why a claim was missed.
 */
export const buildReport = (
  scorer: Scorer, gold: GoldDoc, predicted: PredictedArticle[], textOf: (file: string) => ArticleText | undefined, verbose = false,
): EvalReport => {
  const base = scorer.score(gold, { articles: predicted }, verbose);
  registerAliases(scorer, gold);
  // Keyed by base name, as the scorer does, so a gold file may name its articles with a folder.
  const predsByFile = new Map(predicted.map((a) => [basename(a.file), a.claims]));
  const items: ErrorItem[] = [];
  const contentPairs: { predicted: string; reference: string }[] = [];
  let required = 0, optional = 0;
  for (const article of gold.articles) {
    const preds: PredictedClaim[] = predsByFile.get(basename(article.file)) ?? [];
    const matches: Match[] = matchArticle(scorer, article, preds);
    for (const m of matches) {
      const g = article.claims[m.gold];
      if (!g.required) { optional++; continue; }
      required++;
      // Only required matches, as in the scorer: a match to an optional reference counts neither way.
      if (g.content !== undefined) contentPairs.push({ predicted: preds[m.pred].content ?? '', reference: g.content });
    }
    items.push(...classifyArticle({ scorer, article, preds, matches, text: textOf(basename(article.file)) ?? NO_TEXT }));
  }
  checkAgainstScorer(base, required, optional);
  return { ...base, contentOverlap: meanContentOverlap(scorer, contentPairs), errors: { counts: countErrors(items), items } };
};
