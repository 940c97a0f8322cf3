// Events are checked when read back: a stream written by an older or buggy writer, or edited by
// hand, must be reported with where it is, never half-trusted or silently skipped.
import { isKnownVersion, metadataSchema, schemaOf } from './event-schemas.js';
import type { ArticleEvent } from './index.js';
import { SCHEMA_VERSION } from './metadata.js';

export class InvalidEventError extends Error {
  constructor(
    readonly stream: string,
    readonly revision: bigint,
    readonly type: string,
    readonly problems: string[],
  ) {
    super(`event ${stream}@${revision} (${type}) is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

export interface StoredEvent {
  streamName: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** Returns the problems with a stored event; empty when it is a valid article event. */
export const problemsOf = (event: StoredEvent): string[] => {
  const schema = schemaOf(event.type);
  if (!schema) return [`unknown event type ${JSON.stringify(event.type)}`];
  const problems: string[] = [];
  schema.problems(event.data, '', problems);
  metadataSchema.problems(event.metadata, 'metadata', problems);
  const version = (event.metadata as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    problems.push(`metadata.schemaVersion ${version} is newer than this reader (${SCHEMA_VERSION})`);
  }
  return problems;
};

export const decodeArticleEvent = (event: StoredEvent): ArticleEvent => {
  const problems = problemsOf(event);
  if (problems.length) throw new InvalidEventError(event.streamName, event.revision, event.type, problems);
  return { type: event.type, data: event.data } as ArticleEvent;
};

/**
 * True exactly when problemsOf finds nothing: the schemas' allocation-free test, for replay's hot
 * path and the check before every append; on "no", run problemsOf for the messages
 * (test/projections/event-check.unit.spec.ts compares the two).
 */
export const isValidArticleEvent = (type: string, data: unknown, metadata: unknown): boolean => {
  const schema = schemaOf(type);
  return schema !== null && schema.test(data) && metadataSchema.test(metadata) && isKnownVersion(metadata);
};
