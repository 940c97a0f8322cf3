import { CLAIM_TYPES, type Claim, type ClaimType } from '../claim.js';
import { claimFieldsShape, claimPlacementShape, claimRefShape } from './claim-fields.schema.js';
import { obj, type Infer, type Same } from './schema.js';

/** The data of every claim event: the claim less its type, which the event type carries. */
export const claimEventSchema = obj({ ...claimRefShape, ...claimFieldsShape, ...claimPlacementShape });
export type ClaimEventData = Infer<typeof claimEventSchema>;
true satisfies Same<ClaimEventData, Omit<Claim, 'type'>>;

/** One event type per claim type, named as the claim type: a new claim type is a new event type. */
export type ClaimEvent = { [T in ClaimType]: { type: T; data: ClaimEventData } }[ClaimType];
export type InvitationExtended = Extract<ClaimEvent, { type: 'InvitationExtended' }>;
export type PledgeMade = Extract<ClaimEvent, { type: 'PledgeMade' }>;
export type AccusationLevelled = Extract<ClaimEvent, { type: 'AccusationLevelled' }>;
export type ConcernRaised = Extract<ClaimEvent, { type: 'ConcernRaised' }>;

export const CLAIM_EVENT_SCHEMAS = Object.fromEntries(CLAIM_TYPES.map((type) => [type, claimEventSchema])) as Record<ClaimType, typeof claimEventSchema>;

export const claimEvent = (claim: Claim): ClaimEvent => {
  const { type, ...data } = claim;
  return { type, data };
};

export const claimOf = (event: ClaimEvent): Claim => ({ type: event.type, ...event.data });
