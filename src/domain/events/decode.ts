// Events are checked when read back: a stream written by an older or buggy writer, or edited by
// hand, must be reported with where it is, never half-trusted or silently skipped.
import { CLAIM_TYPES, POLARITIES, TOPICS } from '../claim.js';
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

type Check = (value: unknown, path: string, problems: string[]) => void;

const str = (nullable = false): Check => (v, path, problems) => {
  if (typeof v === 'string' || (nullable && v === null)) return;
  problems.push(`${path} must be a string${nullable ? ' or null' : ''}`);
};
const int: Check = (v, path, problems) => {
  if (!Number.isInteger(v) || (v as number) < 0) problems.push(`${path} must be a non-negative integer`);
};
const bool: Check = (v, path, problems) => {
  if (typeof v !== 'boolean') problems.push(`${path} must be a boolean`);
};
const oneOf = (values: readonly string[]): Check => (v, path, problems) => {
  if (!values.includes(v as string)) problems.push(`${path} must be one of ${values.join(', ')}`);
};
const list = (item: Check): Check => (v, path, problems) => {
  if (!Array.isArray(v)) return void problems.push(`${path} must be a list`);
  v.forEach((x, i) => item(x, `${path}[${i}]`, problems));
};
/** Absent, null or a string: a field added later, which older events do not carry. */
const optionalStr: Check = (v, path, problems) => {
  if (v !== undefined) str(true)(v, path, problems);
};
const obj = (shape: Record<string, Check>, optional = false): Check => (v, path, problems) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return void problems.push(`${path} must be an object`);
  for (const [key, check] of Object.entries(shape)) {
    const value = (v as Record<string, unknown>)[key];
    if (optional && value === undefined) continue;
    check(value, path ? `${path}.${key}` : key, problems);
  }
};

const partyRef = obj({ party: str(true), mention: str() });
const claimFields = {
  actors: list(partyRef),
  targets: list(partyRef),
  content: str(),
  source: obj({ party: str(true), mention: str(), cue: str(), via: str(true) }),
  evidence: obj({ text: str(), start: int, end: int }),
  hedged: bool,
  polarity: oneOf(POLARITIES),
  topics: list(oneOf(TOPICS)),
};
const claimRef = { claimId: str(), articleId: str(), recordedBy: str() };

const claimData = obj({ ...claimRef, ...claimFields });
const SCHEMAS: Record<ArticleEvent['type'], Check> = {
  ArticleIngested: obj({
    articleId: str(), title: str(true), outlet: str(true), url: str(true), publishedAt: str(true),
    dateline: str(true), section: str(true), body: str(), contentHash: str(), byline: optionalStr, language: optionalStr,
  }),
  InvitationExtended: claimData,
  PledgeMade: claimData,
  AccusationLevelled: claimData,
  ConcernRaised: claimData,
  ClaimRetracted: obj({ ...claimRef, reason: str() }),
  ClaimCorrected: obj({ ...claimRef, reason: str(), changes: obj({ ...claimFields, type: oneOf(CLAIM_TYPES) }, true) }),
};

const metadataCheck = obj({ schemaVersion: int, correlationId: str(), causationId: str() });

export interface StoredEvent {
  streamName: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** Returns the problems with a stored event; empty when it is a valid article event. */
export const problemsOf = (event: StoredEvent): string[] => {
  const schema = SCHEMAS[event.type as ArticleEvent['type']];
  if (!schema) return [`unknown event type ${JSON.stringify(event.type)}`];
  const problems: string[] = [];
  schema(event.data, '', problems);
  metadataCheck(event.metadata, 'metadata', problems);
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
