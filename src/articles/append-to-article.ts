import { articleStream } from '../domain/ids.js';
import type { ArticleEvent, CommandContext } from '../domain/events/index.js';
import { DomainError } from '../domain/errors.js';
import { WrongExpectedVersionError, type EventStore } from '../event-store/event-store.js';
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
 * The shared shape of every analyst write: load, check the caller saw the current revision,
 * decide, append with that revision so a concurrent writer between load and append loses too.
 */
export const writeToArticle = async (
  store: EventStore,
  articleId: string,
  expectedRevision: bigint,
  context: CommandContext,
  decide: (loaded: LoadedArticle) => ArticleEvent[],
): Promise<WriteResult> => {
  const stream = articleStream(articleId);
  const loaded = await loadExistingArticle(store, articleId);
  if (loaded.revision !== expectedRevision) throw staleRevision(stream, expectedRevision, loaded.revision);
  const events = checkedAppend(stream, decide(loaded), context, expectedRevision + 1n);
  try {
    const result = await store.append(stream, events, expectedRevision);
    return { articleId, stream, revision: result.nextExpectedRevision, position: result.position };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) throw staleRevision(stream, expectedRevision, error.actual);
    throw error;
  }
};
