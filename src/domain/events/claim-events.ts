import type { Claim, ClaimType } from '../claim.js';

/** The data of every claim event: the claim less its type, which the event type carries. */
export type ClaimEventData = Omit<Claim, 'type'>;

export interface InvitationExtended { type: 'InvitationExtended'; data: ClaimEventData }
export interface PledgeMade { type: 'PledgeMade'; data: ClaimEventData }
export interface AccusationLevelled { type: 'AccusationLevelled'; data: ClaimEventData }
export interface ConcernRaised { type: 'ConcernRaised'; data: ClaimEventData }

export type ClaimEvent = InvitationExtended | PledgeMade | AccusationLevelled | ConcernRaised;

export const claimEvent = (claim: Claim): ClaimEvent => {
  const { type, ...data } = claim;
  return { type, data } as ClaimEvent;
};

export const claimOf = (event: ClaimEvent): Claim => ({ type: event.type as ClaimType, ...event.data });
