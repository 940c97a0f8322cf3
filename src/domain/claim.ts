// The claim model: plain data, shared by extraction, events, read models and REST.

export const CLAIM_TYPES = ['InvitationExtended', 'PledgeMade', 'AccusationLevelled', 'ConcernRaised'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const TOPICS = [
  'security', 'terrorism', 'migration', 'trade', 'diplomacy',
  'infrastructure', 'governance', 'military', 'humanitarian',
] as const;
export type Topic = (typeof TOPICS)[number];

export const POLARITIES = ['asserted', 'denied'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** A party as named in the text: `party` is a canonical slug (`pakistan`), null when unknown. */
export interface PartyRef {
  party: string | null;
  mention: string;
}

/** Who the article cites for a claim; `party` is null only when the outlet itself asserts it. */
export interface SourceRef {
  party: string | null;
  mention: string;
  cue: string;
  via: string | null;
}

/** The sentence a claim comes from, with offsets into the article body. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

/** What an extractor or an analyst says about one act. */
export interface ClaimFields {
  actors: PartyRef[];
  targets: PartyRef[];
  content: string;
  source: SourceRef;
  evidence: Evidence;
  hedged: boolean;
  polarity: Polarity;
  topics: Topic[];
}

export interface Claim extends ClaimFields {
  type: ClaimType;
  claimId: string;
  articleId: string;
  /** `<extractor>@<version>` or `analyst:<name>`. */
  recordedBy: string;
}

export const isClaimType = (value: unknown): value is ClaimType =>
  typeof value === 'string' && (CLAIM_TYPES as readonly string[]).includes(value);
