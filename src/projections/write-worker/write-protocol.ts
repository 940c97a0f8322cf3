// The messages between the runner's thread and the write worker: a call of one ReadModelWrites
// method, and its answer. Arguments and answers are structured clones (bigint positions and Date
// stamps survive them).
import type { EventsPerWrite, ReadModelWrites } from '../read-model-writes.js';

/** The methods the worker carries out: every one but what the runner's side answers itself. */
export type WriteOp = Exclude<keyof ReadModelWrites, 'onEventLoop' | 'eventsPerWrite'>;

export interface WriteCall<O extends WriteOp = WriteOp> {
  id: number;
  op: O;
  args: Parameters<ReadModelWrites[O]>;
}

/** Every answer tells the sizes the worker fitted to the time its applies take (stored-batches.ts). */
export type WriteAnswer = ({ id: number; value: unknown } | { id: number; error: string }) & { eventsPerWrite: EventsPerWrite };

/** What the worker is started with. */
export interface WriteWorkerData {
  /** The read-model file; the runner's thread reads it on a connection of its own. */
  file: string;
}
