// The EventStoreDB adapter's pure parts, fed with what the real client (6.2.1) produces: its own error
// classes built the ways it builds them, and read events decoded from gRPC messages by its own decoder.
// No server runs on this machine; the contract suite covers the rest when EVENTSTORE_CONNECTION_STRING is set.
import { Readable } from 'node:stream';
import { describe, it, expect } from '@jest/globals';
import {
  AccessDeniedError,
  BACKWARDS,
  CancelledError as EsdbCancelledError,
  DeadlineExceededError as EsdbDeadlineExceededError,
  MaxAppendSizeExceededError as EsdbMaxAppendSizeExceededError,
  StreamDeletedError as EsdbStreamDeletedError,
  UnavailableError as EsdbUnavailableError,
  END,
  START,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  convertToCommandError,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type ReadAllOptions as EsdbReadAllOptions,
} from '@eventstore/db-client';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
import { createUUID } from '@eventstore/db-client/dist/utils/grpcUUID.js';
import { createStreamIdentifier } from '@eventstore/db-client/dist/utils/grpcStreamIdentifier.js';
import {
  ANY, NO_STREAM, STREAM_EXISTS, AppendTooLargeError, CorruptEventError, StoreUnavailableError, StreamDeletedError,
  StreamNotFoundError, WrongExpectedVersionError,
} from '../../src/event-store/event-store.js';
import { toPortError } from '../../src/event-store/eventstoredb/errors.js';
import { isSystemEvent, toEventData, toRecordedEvent } from '../../src/event-store/eventstoredb/events.js';
import {
  fromEsdbCurrentRevision, fromEsdbExpectedRevision, fromEsdbPosition, toEsdbExpectedRevision, toEsdbPosition, toReadPosition,
} from '../../src/event-store/eventstoredb/position.js';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { appendToStream } from '../../src/event-store/eventstoredb/append-to-stream.js';
import { headPosition, readAll } from '../../src/event-store/eventstoredb/read-all.js';
import { subscribe } from '../../src/event-store/eventstoredb/subscribe.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A gRPC error as @grpc/grpc-js hands it to the client: a status code plus metadata the server filled in. */
const serviceError = (code: number, metadata: Record<string, string>) =>
  Object.assign(new Error(`${code} ${metadata.exception}`), { code, details: '', metadata: { getMap: () => metadata } });

interface ReadEventFields {
  id?: string;
  stream?: string;
  revision?: bigint;
  position?: bigint;
  type?: string;
  contentType?: string;
  data?: Uint8Array;
  metadata?: Uint8Array;
  createdMs?: number;
}

/** A $all read event as the server sends it, decoded by the client's own converter. */
const readEvent = (fields: ReadEventFields = {}): AllStreamResolvedEvent => {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(createUUID(fields.id ?? '5f0e8c55-7a31-4c8e-9b6a-0d2f5b1c9e11'));
  recorded.setStreamIdentifier(createStreamIdentifier(fields.stream ?? 'article-42'));
  recorded.setStreamRevision(String(fields.revision ?? 3n));
  recorded.setCommitPosition(String(fields.position ?? 4096n));
  recorded.setPreparePosition(String(fields.position ?? 4096n));
  recorded.getMetadataMap()
    .set('type', fields.type ?? 'ClaimRecorded')
    .set('content-type', fields.contentType ?? 'application/json')
    // .NET ticks (100 ns) since the Unix epoch, as the server stamps them.
    .set('created', String(BigInt(fields.createdMs ?? Date.UTC(2025, 4, 21, 9, 30)) * 10_000n));
  recorded.setData(fields.data ?? Buffer.from(JSON.stringify({ claim: 'talks resumed', n: 1 })));
  if (fields.metadata) recorded.setCustomMetadata(fields.metadata);
  const event = new streamsPb.ReadResp.ReadEvent();
  event.setEvent(recorded);
  event.setCommitPosition(String(fields.position ?? 4096n));
  return convertGrpcEvent<AllStreamResolvedEvent>(event);
};

describe('EventStoreDB position and revision mapping', () => {
  it('uses the commit position as our position and rebuilds {commit, prepare} from it', () => {
    expect(fromEsdbPosition({ commit: 1_234_567n, prepare: 1_234_567n })).toBe(1_234_567n);
    expect(toEsdbPosition(1_234_567n)).toEqual({ commit: 1_234_567n, prepare: 1_234_567n });
    expect(fromEsdbPosition(toEsdbPosition(2n ** 62n))).toBe(2n ** 62n);
  });

  it('starts reads and subscriptions at the start for no position or an empty log head (-1n)', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition(-1n)).toBe(START);
    expect(toReadPosition(0n)).toEqual({ commit: 0n, prepare: 0n });
    expect(toReadPosition(99n)).toEqual({ commit: 99n, prepare: 99n });
  });

  it('passes expected revisions through, and reads the server numeric codes back', () => {
    for (const expected of [ANY, NO_STREAM, STREAM_EXISTS, 0n, 41n] as const) expect(toEsdbExpectedRevision(expected)).toBe(expected);
    expect(fromEsdbExpectedRevision(-1n)).toBe(NO_STREAM);
    expect(fromEsdbExpectedRevision(-2n)).toBe(ANY);
    expect(fromEsdbExpectedRevision(-4n)).toBe(STREAM_EXISTS);
    expect(fromEsdbExpectedRevision(7n)).toBe(7n);
    expect(fromEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
  });

  it('reads a missing current revision as no_stream', () => {
    expect(fromEsdbCurrentRevision('no_stream')).toBe(NO_STREAM);
    expect(fromEsdbCurrentRevision(-1n)).toBe(NO_STREAM);
    expect(fromEsdbCurrentRevision(0n)).toBe(0n);
    expect(fromEsdbCurrentRevision(12n)).toBe(12n);
  });
});

describe('EventStoreDB error mapping', () => {
  it('maps the WrongExpectedVersionError of an append reply', () => {
    // As append.ts builds it from AppendResp.WrongExpectedVersion.
    const error = new EsdbWrongExpectedVersionError(undefined, { streamName: 'article-1', expected: 1n, current: 3n });
    const mapped = toPortError(error, { stream: 'article-1', expected: 1n });
    expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
    expect(mapped).toMatchObject({ stream: 'article-1', expected: 1n, actual: 3n });
  });

  it('maps the WrongExpectedVersionError of a batch-append reply, current revision or none', () => {
    // As batchAppend.ts builds it, from the protobuf detail the server packs into its error.
    const atThree = new sharedPb.WrongExpectedVersion().setExpectedStreamPosition('1').setCurrentStreamRevision('3');
    expect(toPortError(EsdbWrongExpectedVersionError.fromWrongExpectedVersion(atThree, 'article-2')))
      .toMatchObject({ name: 'WrongExpectedVersionError', stream: 'article-2', expected: 1n, actual: 3n });

    const missing = new sharedPb.WrongExpectedVersion().setExpectedStreamPosition('0');
    expect(toPortError(EsdbWrongExpectedVersionError.fromWrongExpectedVersion(missing, 'article-3'), { expected: 0n }))
      .toMatchObject({ stream: 'article-3', expected: 0n, actual: NO_STREAM });
  });

  it('maps a WrongExpectedVersionError decoded from gRPC error metadata, numeric codes included', () => {
    const error = convertToCommandError(serviceError(9, {
      exception: 'wrong-expected-version', 'stream-name': 'article-4', 'expected-version': '-1', 'actual-version': '4',
    }));
    expect(error).toBeInstanceOf(EsdbWrongExpectedVersionError);
    expect(toPortError(error)).toMatchObject({ stream: 'article-4', expected: NO_STREAM, actual: 4n });

    const noActual = convertToCommandError(serviceError(9, {
      exception: 'wrong-expected-version', 'stream-name': 'article-5', 'expected-version': '-4',
    }));
    expect(toPortError(noActual)).toMatchObject({ stream: 'article-5', expected: STREAM_EXISTS, actual: NO_STREAM });
  });

  it('maps StreamNotFoundError, preferring the stream name we asked for', () => {
    // As ReadStream.ts builds it, with the name still in protobuf bytes.
    const fromRead = new EsdbStreamNotFoundError(undefined, Buffer.from('article-6'));
    expect(toPortError(fromRead)).toBeInstanceOf(StreamNotFoundError);
    expect(toPortError(fromRead)).toMatchObject({ stream: 'article-6' });
    expect(toPortError(fromRead, { stream: 'asked-for' })).toMatchObject({ stream: 'asked-for' });

    const fromMetadata = convertToCommandError(serviceError(5, { exception: 'stream-not-found', 'stream-name': 'article-7' }));
    expect(toPortError(fromMetadata)).toMatchObject({ name: 'StreamNotFoundError', stream: 'article-7' });
  });

  it('maps a deleted stream, an append over the server limit, and a server that does not answer', () => {
    expect(toPortError(EsdbStreamDeletedError.fromStreamName('article-8'))).toEqual(new StreamDeletedError('article-8'));
    const tooBig = toPortError(EsdbMaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), { stream: 'article-9' });
    expect(tooBig).toBeInstanceOf(AppendTooLargeError);
    expect(tooBig).toMatchObject({ stream: 'article-9', limit: 1_048_576 });
    for (const code of [14, 4, 1]) {
      const error = convertToCommandError(serviceError(code, {}));
      expect([EsdbUnavailableError, EsdbDeadlineExceededError, EsdbCancelledError].some((type) => error instanceof type)).toBe(true);
      expect(toPortError(error)).toBeInstanceOf(StoreUnavailableError);
    }
  });

  it('returns every other error unchanged', () => {
    const denied = new AccessDeniedError();
    const plain = new TypeError('boom');
    expect(toPortError(denied, { stream: 's' })).toBe(denied);
    expect(toPortError(plain)).toBe(plain);
    expect(toPortError('not even an error')).toBe('not even an error');
  });
});

describe('EventStoreDB event conversion', () => {
  it('writes JSON events, keeping the id or minting a UUID, with {} for absent metadata', () => {
    expect(toEventData({ id: '0b7e1a52-8c3f-4d2e-a1b0-9f8e7d6c5b4a', type: 'ClaimRecorded', data: { a: 1 }, metadata: { c: 'x' } }))
      .toEqual({ id: '0b7e1a52-8c3f-4d2e-a1b0-9f8e7d6c5b4a', contentType: 'application/json', type: 'ClaimRecorded', data: { a: 1 }, metadata: { c: 'x' } });
    const minted = toEventData({ type: 'ArticleIngested', data: undefined });
    expect(minted.id).toMatch(UUID);
    expect(minted).toMatchObject({ contentType: 'application/json', data: null, metadata: {} });
  });

  it('reads an event the client decoded from the wire', () => {
    const resolved = readEvent({ metadata: Buffer.from(JSON.stringify({ correlationId: 'c-1' })) });
    expect(toRecordedEvent(resolved)).toEqual({
      id: '5f0e8c55-7a31-4c8e-9b6a-0d2f5b1c9e11',
      streamName: 'article-42',
      revision: 3n,
      position: 4096n,
      type: 'ClaimRecorded',
      data: { claim: 'talks resumed', n: 1 },
      metadata: { correlationId: 'c-1' },
      created: new Date(Date.UTC(2025, 4, 21, 9, 30)),
    });
  });

  it('reads absent metadata as {}', () => {
    expect(toRecordedEvent(readEvent()).metadata).toEqual({});
  });

  it('reports events it cannot decode as corrupt, with where they are', () => {
    const binary = readEvent({ contentType: 'application/octet-stream', data: new Uint8Array([1, 2, 3]), stream: 'article-9', revision: 8n });
    expect(() => toRecordedEvent(binary)).toThrow(CorruptEventError);
    expect(() => toRecordedEvent(binary)).toThrow('article-9@8');
    const badMetadata = readEvent({ metadata: Buffer.from('not json {') });
    expect(() => toRecordedEvent(badMetadata)).toThrow(/metadata is not JSON/);
  });

  it('tells system events (system streams, $-types) from ours', () => {
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemEvent({ streamId: '$$article-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: '$settings', type: 'update' })).toBe(true);
    expect(isSystemEvent({ streamId: 'article-1', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'article-1', type: 'ClaimRecorded' })).toBe(false);
    expect(isSystemEvent({ streamId: 'price-$5', type: 'Priced' })).toBe(false);
    expect(isSystemEvent(readEvent().event!)).toBe(false);
  });
});

// The adapter end to end against a port where nothing listens: what must not need a server, and
// that failures surface instead of hanging.
describe('EventStoreDbEventStore without a server', () => {
  const unreachable = () => new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');

  it('rejects a malformed connection string at once', () => {
    expect(() => new EventStoreDbEventStore('http://not-esdb')).toThrow();
  });

  it('is the eventstoredb kind and refuses an empty append before calling the server', async () => {
    const store = unreachable();
    try {
      expect(store.kind).toBe('eventstoredb');
      await expect(store.append('article-1', [], ANY)).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it('fails ping, reads and appends with the client error', async () => {
    const store = unreachable();
    try {
      await expect(store.ping()).rejects.toThrow(/UNAVAILABLE|did not answer/);
      await expect(store.readStream('article-1')).rejects.toThrow(/UNAVAILABLE/);
      await expect(store.readAll({ maxCount: 1 })).rejects.toThrow(/UNAVAILABLE/);
      await expect(store.headPosition()).rejects.toThrow(/UNAVAILABLE/);
      await expect(store.append('article-1', [{ type: 'T', data: {} }], NO_STREAM)).rejects.toThrow(/UNAVAILABLE/);
    } finally {
      await store.close();
    }
  });

  it('ends a subscription waiting for events when it is closed, and when the store is closed', async () => {
    const store = unreachable();
    try {
      const subscription = store.subscribe({ streamPrefix: 'article-' });
      const pending = subscription[Symbol.asyncIterator]().next();
      await subscription.close();
      // close() settles the wait at once, before the refused connection is even reported.
      await expect(pending).resolves.toEqual({ done: true, value: undefined });

      const open = store.subscribe();
      const afterClose = open[Symbol.asyncIterator]();
      await store.close();
      await expect(afterClose.next()).resolves.toEqual({ done: true, value: undefined });
    } finally {
      await store.close();
    }
  });
});

/**
 * A stand-in for the client's reads of $all, answering as the server does (see position.ts):
 * forwards from a position includes the event there, backwards from a position excludes it.
 */
const fakeAll = (log: AllStreamResolvedEvent[]) => {
  const calls: EsdbReadAllOptions[] = [];
  const client = {
    readAll(options: EsdbReadAllOptions = {}) {
      calls.push(options);
      const from = options.fromPosition;
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const selected = options.direction === BACKWARDS
        ? [...log].reverse().filter((e) => from === END || from === undefined || typeof from === 'string' || e.event!.position.commit < from.commit)
        : log.filter((e) => from === START || from === undefined || typeof from === 'string' || e.event!.position.commit >= from.commit);
      return Readable.from(selected.slice(0, max));
    },
  };
  return { client: client as unknown as EventStoreDBClient, calls };
};

const user = (position: bigint, stream = 'article-1') => readEvent({ position, stream, id: undefined, revision: position });
const system = (position: bigint) => readEvent({ position, stream: '$stats-127.0.0.1:2113', type: '$statsCollected' });

describe('EventStoreDB operations on a stand-in client', () => {
  it('readAll pages through $all past system events, without repeating the event a page starts with', async () => {
    // 1,200 events, every third a system one: three pages of 512.
    const log = Array.from({ length: 1200 }, (_, i) => (i % 3 === 0 ? system(BigInt(i + 1) * 10n) : user(BigInt(i + 1) * 10n)));
    const { client, calls } = fakeAll(log);
    const read = await readAll(client)();
    expect(read).toHaveLength(800);
    expect(read.map((e) => e.position)).toEqual(log.filter((e) => !e.event!.streamId.startsWith('$')).map((e) => e.event!.position.commit));
    expect(calls.length).toBe(3);
    expect(calls.every((c) => c.maxCount === 512)).toBe(true);
  });

  it('readAll starts at fromPosition inclusive, filters by prefix and stops at maxCount', async () => {
    const log = [user(10n, 'article-1'), system(20n), user(30n, 'claim-1'), user(40n, 'article-2'), user(50n, 'article-3')];
    const { client, calls } = fakeAll(log);
    const read = readAll(client);
    expect((await read({ fromPosition: 30n })).map((e) => e.position)).toEqual([30n, 40n, 50n]);
    expect(calls.at(-1)).toMatchObject({ fromPosition: { commit: 30n, prepare: 30n } });
    expect((await read({ streamPrefix: 'article-', maxCount: 2 })).map((e) => e.streamName)).toEqual(['article-1', 'article-2']);
    expect(await read({ maxCount: 0 })).toEqual([]);
  });

  it('readAll after a position leaves out the event there, which the server includes', async () => {
    const log = [user(10n), user(20n), system(30n), user(40n)];
    const { client, calls } = fakeAll(log);
    expect((await readAll(client)({ after: 20n })).map((e) => e.position)).toEqual([40n]);
    expect(calls.at(-1)).toMatchObject({ fromPosition: { commit: 20n, prepare: 20n } });
    expect((await readAll(client)({ after: 40n })).map((e) => e.position)).toEqual([]);
  });

  it('the head of a prefix walks back past other streams', async () => {
    const log = [user(10n, 'article-1'), user(20n, 'claimtrail-log-id'), system(30n)];
    expect(await headPosition(fakeAll(log).client)({ streamPrefix: 'article-' })).toBe(10n);
    expect(await headPosition(fakeAll(log).client)()).toBe(20n);
  });

  it('append refuses an append over the limit before calling the server', async () => {
    const client = { appendToStream: async () => { throw new Error('must not be called'); } } as unknown as EventStoreDBClient;
    const error = await appendToStream(client, 100)('article-1', [{ type: 'T', data: { text: 'x'.repeat(200) } }], ANY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect(error).toMatchObject({ limit: 100 });
  });

  it('headPosition is the newest user event, found past trailing system events', async () => {
    expect(await headPosition(fakeAll([user(10n), user(20n)]).client)()).toBe(20n);

    const trailing = [user(10n), user(20n), ...Array.from({ length: 700 }, (_, i) => system(BigInt(i) + 100n))];
    const { client, calls } = fakeAll(trailing);
    expect(await headPosition(client)()).toBe(20n);
    expect(calls[0]).toMatchObject({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });

    expect(await headPosition(fakeAll([system(5n), system(6n)]).client)()).toBe(-1n);
    expect(await headPosition(fakeAll([]).client)()).toBe(-1n);
  });

  it('subscribe drops events of system streams that pass the server filter', async () => {
    const source = Readable.from([system(10n), user(20n), readEvent({ position: 30n, type: '$>' }), user(40n, 'article-2')]);
    const stub = Object.assign(source, { unsubscribe: async () => undefined });
    const calls: unknown[] = [];
    const client = { subscribeToAll: (options: unknown) => (calls.push(options), stub) } as unknown as EventStoreDBClient;

    const subscription = subscribe(client, { fromPosition: 5n });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ position: 20n });
    expect((await iterator.next()).value).toMatchObject({ position: 40n, streamName: 'article-2' });
    expect(calls[0]).toMatchObject({ fromPosition: { commit: 5n, prepare: 5n }, filter: { filterOn: 'eventType', regex: '^[^$].*' } });
    await subscription.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });

    subscribe(client, { streamPrefix: 'article-' });
    expect(calls[1]).toMatchObject({ fromPosition: START, filter: { filterOn: 'streamName', prefixes: ['article-'] } });
  });

  it('append maps the reply position, and a failure reported as a result becomes WrongExpectedVersionError', async () => {
    const replies: unknown[] = [];
    let streamRead: () => Readable = () => Readable.from([]);
    const client = {
      appendToStream: async () => replies.shift(),
      readStream: () => streamRead(),
    } as unknown as EventStoreDBClient;
    const append = appendToStream(client, 1_048_576);
    const one = [{ type: 'ClaimRecorded', data: { a: 1 } }];

    replies.push({ success: true, nextExpectedRevision: 4n, position: { commit: 900n, prepare: 880n } });
    expect(await append('article-1', one, 3n)).toEqual({ nextExpectedRevision: 4n, position: 900n });

    // With throwOnAppendFailure=false the client resolves; its batch path garbles the revision, so the stream is asked.
    replies.push({ success: false, nextExpectedRevision: 1n, position: undefined });
    streamRead = () => Readable.from([readEvent({ stream: 'article-1', revision: 6n })]);
    expect(await append('article-1', one, 3n).catch((e: unknown) => e)).toMatchObject({
      name: 'WrongExpectedVersionError', stream: 'article-1', expected: 3n, actual: 6n,
    });

    replies.push({ success: false, nextExpectedRevision: -1n, position: undefined });
    streamRead = () => new Readable({ objectMode: true, read() { this.destroy(new EsdbStreamNotFoundError(undefined, 'article-2')); } });
    expect(await append('article-2', one, 0n).catch((e: unknown) => e)).toMatchObject({ stream: 'article-2', actual: NO_STREAM });
  });
});
