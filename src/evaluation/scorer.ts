// The shared scorer (test/extraction/score.mjs) is the one authority on matching and on the main
// figures. It is loaded as is, never edited or copied, so that our numbers stay those of every
// other project scored with it. Everything this folder adds is computed beside it.

interface Prf { precision: number; recall: number; f1: number }
export interface TypeRow { required: number; found: number; full: number; fp: number }

/** What score.mjs returns. */
export interface ScoreReport {
  detection: Prf;
  full: Prf;
  fieldAccuracyOnMatches: { actors: number; targets: number; source: number };
  counts: Record<string, number>;
  byType: Record<string, TypeRow>;
  log: string[];
}

/** The three functions score.mjs exports. */
export interface Scorer {
  score: (gold: unknown, predicted: unknown, verbose?: boolean) => ScoreReport;
  /** Case, quotes, dashes and spaces folded: the form evidence is compared in. */
  fold: (s: unknown) => string;
  /** A party reference as a canonical slug (aliases applied), or null when it names none. */
  party: (p: unknown) => string | null;
}

// Two folders below the project root both in src/ (ts-jest) and in dist/ (the built command).
const scorerUrl = new URL('../../test/extraction/score.mjs', import.meta.url);

export const loadScorer = async (): Promise<Scorer> => (await import(scorerUrl.href)) as Scorer;
