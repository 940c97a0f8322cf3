import { articleStream } from '../domain/ids.js';
import type { ArticleEvent, CommandContext } from '../domain/events/index.js';
import { DomainError } from '../domain/errors.js';
import { NO_STREAM, WrongExpectedVersionError, type AppendResult, type EventStore, type ExpectedRevision } from '../event-store/event-store.js';
import { loadExistingArticle, type LoadedArticle } from './article-stream.js';
import { checkedAppend } from './checked-append.js';

export interface WriteResult {
  articleId: string;
  stream: string;
  /** The stream's revision after the write: the If-Match of the next one. */
  revision: bigint;
  position: bigint;
}

export const staleRevision = (stream: string, expected: bigint, actual: unknown): DomainError =>
  new DomainError('conflict', `stream ${stream} is at revision ${String(actual)}, not ${expected}: reload and retry`, {
    stream,
    expectedRevision: expected.toString(),
    currentRevision: String(actual),
  });

/**
 * The one way events reach an article stream — ingest, record, correct, retract and re-extract all
 * come through here: each event checked as the reader will read it (checked-append.ts), then
 * appended at the revision the decision was taken on. A WrongExpectedVersionError is the caller's
 * to answer (a 409, the same article ingested twice, a re-extraction deciding again).
 */
export const appendToArticle = (
  store: EventStore,
  articleId: string,
  events: ArticleEvent[],
  context: CommandContext,
  expected: typeof NO_STREAM | bigint,
): Promise<AppendResult> => {
  const stream = articleStream(articleId);
  const firstRevision = expected === NO_STREAM ? 0n : expected + 1n;
  return store.append(stream, checkedAppend(stream, events, context, firstRevision), expected satisfies ExpectedRevision);
};

/**
 * The shared shape of every analyst write: load, check the caller saw the current revision,
 * decide, append with that revision so a concurrent writer between load and append loses too.
 * `expected` null (a withdrawal sent without If-Match): decided on whatever revision is loaded.
 */
export const writeToArticle = async (
  store: EventStore,
  articleId: string,
  expected: bigint | null,
  context: CommandContext,
  decide: (loaded: LoadedArticle) => ArticleEvent[],
): Promise<WriteResult> => {
  const stream = articleStream(articleId);
  const loaded = await loadExistingArticle(store, articleId);
  if (expected !== null && loaded.revision !== expected) throw staleRevision(stream, expected, loaded.revision);
  const expectedRevision = loaded.revision;
  try {
    const result = await appendToArticle(store, articleId, decide(loaded), context, expectedRevision);
    return { articleId, stream, revision: result.nextExpectedRevision, position: result.position };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) throw staleRevision(stream, expectedRevision, error.actual);
    throw error;
  }
};
