import { isClaimType, type Claim } from '../../domain/claim.js';
import type { ArticleEvent, ClaimEvent } from '../../domain/events/index.js';

export const isClaimEvent = (event: ArticleEvent): event is ClaimEvent => isClaimType(event.type);

/** The claim a claim event records. A shallow copy: read models never mutate what the events hold. */
export const claimOfEvent = (event: ClaimEvent): Claim => ({ type: event.type, ...event.data });
