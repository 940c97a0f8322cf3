// The claim model: plain data, shared by extraction, events, read models and REST.
import type { claimFieldsSchema, claimPlacementSchema, evidenceSchema, partyRefSchema, sourceRefSchema } from './events/claim-fields.schema.js';
import type { Infer } from './events/schema.js';

export const CLAIM_TYPES = ['InvitationExtended', 'PledgeMade', 'AccusationLevelled', 'ConcernRaised'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const TOPICS = [
  'security', 'terrorism', 'migration', 'trade', 'diplomacy',
  'infrastructure', 'governance', 'military', 'humanitarian',
] as const;
export type Topic = (typeof TOPICS)[number];

export const POLARITIES = ['asserted', 'denied'] as const;
export type Polarity = (typeof POLARITIES)[number];

// The shapes below are inferred from their schemas (events/claim-fields.schema.ts): one definition
// for the types, the decoding of stored events and the check before every append.
export type PartyRef = Infer<typeof partyRefSchema>;
export type SourceRef = Infer<typeof sourceRefSchema>;
export type Evidence = Infer<typeof evidenceSchema>;
export type ClaimFields = Infer<typeof claimFieldsSchema>;
/** Set by the extractor only: not an analyst's field, so not in ClaimFields. */
export type ClaimPlacement = Infer<typeof claimPlacementSchema>;

export interface Claim extends ClaimFields, ClaimPlacement {
  type: ClaimType;
  claimId: string;
  articleId: string;
  /** `<extractor>@<version>` or `analyst:<name>`. */
  recordedBy: string;
}

export const isClaimType = (value: unknown): value is ClaimType =>
  typeof value === 'string' && (CLAIM_TYPES as readonly string[]).includes(value);
