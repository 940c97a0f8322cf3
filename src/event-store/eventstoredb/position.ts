import { START, type AppendExpectedRevision, type CurrentRevision, type Position as EsdbPosition } from '@eventstore/db-client';
import { ANY, NO_STREAM, STREAM_EXISTS, type ExpectedRevision, type Position, type StreamRevision } from '../event-store.js';

/*
 * Position mapping: our single bigint position IS EventStoreDB's commit position.
 *
 * A gRPC append writes each event as an implicitly committed prepare record, and the server's
 * $all reader reports such an event as TFPos(commit = its log position, prepare = its log position)
 * (EventStore AllReader: `new CommitEventRecord(eventRecord, prepare.LogPosition)`). So for every
 * event this adapter can write, commit === prepare, the commit position alone identifies the event,
 * and it grows strictly from event to event. Going back we rebuild { commit: p, prepare: p }, which
 * is exactly that event's position: readAll from it includes the event, a subscription from it
 * starts after the event.
 *
 * Caveat: events written by the legacy TCP API inside an explicit transaction share one commit
 * position (with different prepare positions). They are not distinct positions under this mapping;
 * this service never writes such transactions.
 */
export const fromEsdbPosition = (position: EsdbPosition): Position => position.commit;

export const toEsdbPosition = (position: Position): EsdbPosition => ({ commit: position, prepare: position });

/** Where a forward read or a catch-up subscription starts; a negative position (an empty log's head) means the start. */
export const toReadPosition = (position: Position | undefined): EsdbPosition | typeof START =>
  position === undefined || position < 0n ? START : toEsdbPosition(position);

/** Our expected revisions are spelled as the client's; the bigint revision is the same number. */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => expected;

// The server's numeric ExpectedVersion codes, which can surface through an error's gRPC metadata.
const EXPECTED_VERSION_CODES: ReadonlyMap<bigint, ExpectedRevision> = new Map<bigint, ExpectedRevision>([
  [-1n, NO_STREAM],
  [-2n, ANY],
  [-4n, STREAM_EXISTS],
]);

export const fromEsdbExpectedRevision = (expected: AppendExpectedRevision): ExpectedRevision =>
  typeof expected === 'bigint' && expected < 0n ? EXPECTED_VERSION_CODES.get(expected) ?? ANY : expected;

/** A stream's current revision as the client reports it; a negative number also means there is no stream. */
export const fromEsdbCurrentRevision = (current: CurrentRevision): StreamRevision | typeof NO_STREAM =>
  current === NO_STREAM || current < 0n ? NO_STREAM : current;
