// The read models' write worker: a thread of its own with the read-model file's writing
// connection, carrying out the runner's writes (read-model-writes.ts) one at a time, in the order
// sent. Applying an event to the seven read models took a third of the event loop under the mixed
// load at a million events; here it takes none. Plain domain code only (no Nest).
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteReadModelStore } from '../../read-model-store/sqlite/sqlite-read-model-store.js';
import { STORED_READ_MODELS } from '../../read-models/index.js';
import { InThreadWrites } from '../read-model-writes.js';
import type { WriteAnswer, WriteCall, WriteWorkerData } from './write-protocol.js';

const { file } = workerData as WriteWorkerData;
const store = new SqliteReadModelStore(file, STORED_READ_MODELS);
/**
 * What one apply should take here. It holds no request up, but a commit (what readers and
 * read-your-writes waiters see) waits behind the apply in progress, and each apply is a message
 * each way. 32 rather than the event loop's 8: on small stores, where an event costs a tenth of a
 * ms, applies of 8 ms ingested 15% slower than 100 events an apply. (At 100 events an apply, when
 * every apply was a savepoint, its journal in memory also kept the worker's C heap at 150 MiB:
 * README, "Memory after a load".)
 */
const APPLY_MS = 32;
const writes = new InThreadWrites(store, STORED_READ_MODELS, APPLY_MS);
const port = parentPort!;

/** One call; calls are taken in turn (a write holds the connection until it returns). */
const carryOut = async ({ id, op, args }: WriteCall): Promise<WriteAnswer> => {
  try {
    const value: unknown = await (writes[op] as (this: InThreadWrites, ...callArgs: unknown[]) => Promise<unknown>).apply(writes, args);
    if (op === 'close') store.close();
    return { id, value, eventsPerWrite: writes.sizes() };
  } catch (error) {
    return { id, error: (error as Error).message, eventsPerWrite: writes.sizes() };
  }
};

let queue = Promise.resolve();
port.on('message', (call: WriteCall) => {
  queue = queue.then(async () => {
    port.postMessage(await carryOut(call));
    if (call.op === 'close') port.close();
  });
});
