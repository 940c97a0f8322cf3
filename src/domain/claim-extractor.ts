import type { ClaimFields, ClaimPlacement, ClaimType } from './claim.js';

/** A claim as an extractor finds it, before it is given an id and an article. */
export interface ExtractedClaim extends ClaimFields, ClaimPlacement {
  type: ClaimType;
}

export interface ArticleText {
  body: string;
  title?: string | null;
  dateline?: string | null;
}

/** The extraction port: ingestion depends on this, not on any one extractor. */
export interface ClaimExtractor {
  readonly name: string;
  readonly version: string;
  /** Deterministic: the same text always yields the same claims in the same order. */
  extract(article: ArticleText): ExtractedClaim[];
}

export const extractorId = (extractor: Pick<ClaimExtractor, 'name' | 'version'>): string =>
  `${extractor.name}@${extractor.version}`;
