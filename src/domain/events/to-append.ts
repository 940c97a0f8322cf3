import { randomUUID } from 'node:crypto';
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

export const toAppend = (events: ArticleEvent[], context: CommandContext): EventToAppend[] =>
  events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { schemaVersion: SCHEMA_VERSION, ...context } satisfies EventMetadata,
  }));
