import { randomUUID } from 'node:crypto';
import { NO_STREAM, StreamNotFoundError, WrongExpectedVersionError } from '../event-store.js';
import type { AppendToStream } from './append-to-stream.js';
import type { ReadStream } from './read-stream.js';

/** Written once per database, by whichever instance first asks; never by anything else. */
export const LOG_ID_STREAM = 'claimtrail-log-id';
const LOG_ID_TYPE = 'LogIdentified';

const read = async (readStream: ReadStream): Promise<string | null> => {
  try {
    const [first] = await readStream(LOG_ID_STREAM, { maxCount: 1 });
    const id = (first?.data as { logId?: unknown } | undefined)?.logId;
    return typeof id === 'string' ? id : null;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
};

/**
 * The database's own name for its log, kept in the log: a new database (or a wiped one) gets a new
 * id, while every client of one database reads the same. Two instances racing to mint it: the
 * NO_STREAM append lets one win, and the other reads the winner's.
 */
export const logId = (readStream: ReadStream, append: AppendToStream) => {
  let known: string | null = null;
  return async (): Promise<string> => {
    known ??= await read(readStream);
    if (known) return known;
    try {
      const minted = randomUUID();
      await append(LOG_ID_STREAM, [{ type: LOG_ID_TYPE, data: { logId: minted } }], NO_STREAM);
      known = minted;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      known = await read(readStream);
      if (!known) throw new Error(`${LOG_ID_STREAM} exists but holds no log id`);
    }
    return known;
  };
};
