// The shapes of a reference (gold) file and of the extractor's output, as the scorer reads them.

export interface GoldClaim {
  id: string;
  type: string;
  evidence: string;
  actors: string[];
  targets: string[];
  /** Acceptable sources; null stands for "the outlet itself". */
  source?: (string | null)[];
  required: boolean;
  note?: string;
  content?: string;
}

export interface NotClaim { evidence: string; note?: string }

export interface GoldArticle { file: string; claims: GoldClaim[]; not_claims?: NotClaim[] }

export interface GoldDoc { aliases?: string[][]; articles: GoldArticle[] }

/** Parties may be slugs or { party } objects, evidence a string or { text }: the scorer takes both. */
export interface PredictedClaim {
  type: string;
  actors?: unknown;
  targets?: unknown;
  source?: unknown;
  evidence?: string | { text: string };
  content?: string;
}

export interface PredictedArticle { file: string; claims: PredictedClaim[] }

/** The article text the extractor saw, for telling why a reference claim was missed. */
export interface ArticleText {
  /** The article body, '' when the file is not in the folder. */
  body: string;
  /** The extractor's sentence split of the body; a function so only articles that need it pay for it. */
  sentences: () => string[];
}
