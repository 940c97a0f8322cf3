// Independent reports: a syndicated copy (CopyRecognised) is its story's original told again, so
// whatever counts reports or tells sources apart by outlet counts the original's, never the copy's.
import type { Claim } from '../../domain/claim.js';
import { independentSource } from '../claim-key.js';
import { reportingOutlet } from '../shared/reporting-outlet.js';
import type { ClaimsState } from './claims.projection.js';

/** The story an article belongs to: its original's id for a copy, else its own. */
export const storyOf = (state: ClaimsState, articleId: string): string => state.articles.get(articleId)?.copyOf?.articleId ?? articleId;

/** A claim's independent source (claim-key.ts), copies counted as their original. */
export const claimSource = (state: ClaimsState, claim: Pick<Claim, 'source' | 'articleId'>): string =>
  independentSource(claim.source, reportingOutlet(state.articles.get(claim.articleId)));
