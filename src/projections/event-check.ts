// Replay's hot path asks only "is it valid?": the schemas' allocation-free test, from the same
// table as the full check in src/domain/events/decode.ts (problemsOf). On "no", the caller runs
// problemsOf for the messages; test/projections/event-check.unit.spec.ts compares the two.
import { isKnownVersion, metadataSchema, schemaOf } from '../domain/events/event-schemas.js';

/** True when problemsOf would find nothing wrong with this stored event. */
export const isValidArticleEvent = (type: string, data: unknown, metadata: unknown): boolean => {
  const schema = schemaOf(type);
  return schema !== null && schema.test(data) && metadataSchema.test(metadata) && isKnownVersion(metadata);
};
