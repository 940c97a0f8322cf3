// The schema of every article event type, by type: decoding (decode.ts) and the check before
// every append and in replay (projections/event-check.ts) both read this one table.
import { articleIngestedSchema } from './article-ingested.event.js';
import { articleWithdrawnSchema } from './article-withdrawn.event.js';
import { CLAIM_EVENT_SCHEMAS } from './claim-events.js';
import { claimCorrectedSchema } from './claim-corrected.event.js';
import { claimRetractedSchema } from './claim-retracted.event.js';
import { copyRecognisedSchema } from './copy-recognised.event.js';
import type { ArticleEvent, ArticleEventType } from './index.js';
import { SCHEMA_VERSION, type EventMetadata } from './metadata.js';
import { count, obj, str, type Schema } from './schema.js';

export const EVENT_SCHEMAS = {
  ArticleIngested: articleIngestedSchema,
  ...CLAIM_EVENT_SCHEMAS,
  ClaimRetracted: claimRetractedSchema,
  ClaimCorrected: claimCorrectedSchema,
  ArticleWithdrawn: articleWithdrawnSchema,
  CopyRecognised: copyRecognisedSchema,
} satisfies { [T in ArticleEventType]: Schema<Extract<ArticleEvent, { type: T }>['data']> };

/** The schema for a stored type, or null: an own key only (a type named "constructor" is unknown). */
export const schemaOf = (type: string): Schema<unknown> | null =>
  Object.hasOwn(EVENT_SCHEMAS, type) ? (EVENT_SCHEMAS as Record<string, Schema<unknown>>)[type] : null;

export const metadataSchema = obj({ schemaVersion: count, correlationId: str, causationId: str }) satisfies Schema<Omit<EventMetadata, 'keyId'>>;

/** A reader refuses events written by a newer schema than it knows. */
export const isKnownVersion = (metadata: unknown): boolean => (metadata as { schemaVersion: number }).schemaVersion <= SCHEMA_VERSION;
