// The one definition of a claim's fields: the claim types of src/domain/claim.ts are inferred from
// these, and every claim event, correction and pre-append check is checked by them.
import { CLAIM_TYPES, POLARITIES, TOPICS } from '../claim.js';
import { bool, count, list, obj, oneOf, optional, str, strOrNull } from './schema.js';

/** A party as named in the text: `party` is a canonical slug (`pakistan`), null when unknown. */
export const partyRefSchema = obj({ party: strOrNull, mention: str });

/** Who the article cites for a claim; `party` is null only when the outlet itself asserts it. */
export const sourceRefSchema = obj({ party: strOrNull, mention: str, cue: str, via: strOrNull });

/** The sentence a claim comes from, with offsets into the article body. */
export const evidenceSchema = obj({ text: str, start: count, end: count });

/** What an extractor or an analyst says about one act. */
export const claimFieldsShape = {
  actors: list(partyRefSchema),
  targets: list(partyRefSchema),
  content: str,
  source: sourceRefSchema,
  evidence: evidenceSchema,
  hedged: bool,
  polarity: oneOf(POLARITIES),
  topics: list(oneOf(TOPICS)),
};
export const claimFieldsSchema = obj(claimFieldsShape);

/**
 * Where in the extractor's sentence split (extraction/nlp.ts `analyze`) a claim was found: the
 * sentence's index and the contrast cue that opens that sentence ("however"), absent when none.
 * Read models use these instead of splitting the text again. Optional: analysts' claims and events
 * written before extractor 2.1 carry neither, and read models fall back to their own split.
 */
export const claimPlacementShape = {
  sentence: optional(count),
  contrastCue: optional(str),
};
export const claimPlacementSchema = obj(claimPlacementShape);

/** Which claim an event is about, and who wrote it: `<extractor>@<version>` or `analyst:<name>`. */
export const claimRefShape = { claimId: str, articleId: str, recordedBy: str };

export const claimTypeSchema = oneOf(CLAIM_TYPES);
