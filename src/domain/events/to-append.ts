import { createHash, randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../event-store/event-store.js';
import type { ArticleEvent } from './index.js';
import { SCHEMA_VERSION, type EventMetadata } from './metadata.js';

/** Why a command ran: carried into every event it writes. */
export interface CommandContext {
  correlationId: string;
  /** The id of the command itself. */
  causationId: string;
  /** The API key the command came with, when it came over HTTP with one. */
  keyId?: string;
}

export const newCommandContext = (correlationId?: string, keyId?: string): CommandContext => {
  const causationId = randomUUID();
  return { correlationId: correlationId ?? causationId, causationId, ...(keyId === undefined ? {} : { keyId }) };
};

/**
 * An event's id, derived from what it is and where it goes: its article, the revision it will have
 * in the article's stream, its type and its claim. Sending the same append again (a retry after a
 * timeout whose first try did land) carries the same ids at the same revisions, which EventStoreDB
 * recognises as the same write and does not store twice. A UUID in form (version 8, RFC 9562).
 */
export const eventIdFor = (event: ArticleEvent, revision: bigint): string => {
  const claimId = 'claimId' in event.data ? event.data.claimId : '';
  const hex = createHash('sha256').update(`${event.data.articleId}|${revision}|${event.type}|${claimId}`, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** `firstRevision`: the revision the first event will have (0n for a new stream, the current one + 1 otherwise). */
export const toAppend = (events: ArticleEvent[], context: CommandContext, firstRevision: bigint): EventToAppend[] =>
  events.map((event, i) => ({
    id: eventIdFor(event, firstRevision + BigInt(i)),
    type: event.type,
    data: event.data,
    metadata: { schemaVersion: SCHEMA_VERSION, ...context } satisfies EventMetadata,
  }));
