import { isClaimType, type Claim } from '../../domain/claim.js';
import { articleIdOfClaim } from '../../domain/ids.js';
import type { ArticleEvent, ClaimEvent } from '../../domain/events/index.js';

export const isClaimEvent = (event: ArticleEvent): event is ClaimEvent => isClaimType(event.type);

/** The claim a claim event records. A shallow copy: views never mutate what the events hold. */
export const claimOfEvent = (event: ClaimEvent): Claim => ({ type: event.type, ...event.data });

/**
 * The claim ids among `ids` that belong to an article: a claim id starts with its article's id
 * (domain/ids.ts). A withdrawal takes these out of a view; it is rare, so a scan of the view's ids
 * is cheaper than an index by article kept in every view for it.
 */
export const claimIdsOfArticle = (ids: Iterable<string>, articleId: string): string[] => {
  const found: string[] = [];
  for (const id of ids) if (articleIdOfClaim(id) === articleId) found.push(id);
  return found;
};
