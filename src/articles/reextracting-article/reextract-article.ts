import { claimFingerprint } from '../../domain/claim-fingerprint.js';
import type { ExtractedClaim } from '../../domain/claim-extractor.js';
import type { ArticleEvent } from '../../domain/events/index.js';
import { articleEvents } from '../ingesting-article/ingest-article.js';
import type { ArticleState } from '../article-state.js';

const isAnalyst = (recordedBy: string): boolean => recordedBy.startsWith('analyst:');

/**
 * Only the difference between what the stream holds and what the current extractor finds:
 * extractor claims it no longer finds are retracted, claims it newly finds are added, the rest
 * (and every analyst's claim) is left alone. Running it twice writes nothing the second time.
 * `claims` are what the extractor `current` (its id) finds in the article now. A withdrawn article is
 * left as it is: nothing of it is in the read models to bring up to date.
 */
export const reextractArticle = (state: ArticleState, current: string, claims: ExtractedClaim[]): ArticleEvent[] => {
  if (state.withdrawal) return [];
  const article = state.article!;
  const found = articleEvents(article, current, claims).slice(1) as Extract<ArticleEvent, { data: { claimId: string; evidence: unknown } }>[];

  const live = [...state.claims.values()].filter((c) => !c.retracted && !isAnalyst(c.original.recordedBy));
  // Kept: what is live, and what an analyst threw out (re-adding it would overrule them).
  const kept = [...state.claims.values()].filter((c) => !c.retracted || isAnalyst(c.retractedBy ?? ''));
  const keptFingerprints = new Set(kept.map((c) => claimFingerprint(c.original)));
  const foundFingerprints = new Set(found.map((e) => claimFingerprint({ type: e.type, ...e.data })));

  const retractions: ArticleEvent[] = live
    .filter((c) => !foundFingerprints.has(claimFingerprint(c.original)))
    .map((c) => ({
      type: 'ClaimRetracted',
      data: { claimId: c.claim.claimId, articleId: article.articleId, reason: `superseded by extractor ${current}`, recordedBy: current },
    }));
  const additions = found.filter((e) => !keptFingerprints.has(claimFingerprint({ type: e.type, ...e.data })) && !state.claims.has(e.data.claimId));
  return [...retractions, ...additions];
};
