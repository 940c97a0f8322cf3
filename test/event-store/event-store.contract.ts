// One behavioural contract for every EventStore adapter. Each adapter's *.spec.ts calls
// eventStoreContract() with a harness. Every test writes to stream names of its own (a random run
// id plus a counter), so the suite also runs against a shared EventStoreDB that already holds
// events. Every wait on a subscription is bounded: a broken adapter fails a test, it never hangs one.
import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import {
  ANY,
  appendBytes,
  AppendTooLargeError,
  CorruptEventError,
  NO_STREAM,
  STREAM_EXISTS,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
  type Subscription,
} from '../../src/event-store/event-store.js';

/** Something the harness can make a store do that no port operation does; absent: a printed reason. */
type Fault<A extends unknown[]> = ((store: EventStore, ...args: A) => Promise<void>) | { skipped: string };

export interface EventStoreContractHarness {
  /** A store ready for use. It may already hold events (a shared server), never ones under this run's names. */
  create(): Promise<EventStore>;
  /** Closes `store` and opens the same storage again. Only adapters whose data outlives the process give it. */
  reopen?: (store: EventStore) => Promise<EventStore>;
  /** true: every store create() gives is the same log (one server), so it has the same logId. */
  sharedLog?: boolean;
  /** Drops the store's connection: open subscriptions must fail with StoreUnavailableError. */
  dropConnection?: Fault<[]>;
  /** Deletes (tombstones) a stream. */
  deleteStream?: Fault<[stream: string]>;
  /** Appends an event to `stream` that no reader can decode (a binary event from another client). */
  appendCorrupt?: Fault<[stream: string]>;
}

/** Longest wait for anything a subscription should deliver. */
const WAIT_MS = 10_000;
/** Server-stamped creation dates may come from a clock that is a little off ours. */
const CLOCK_SKEW_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const runId = randomUUID().slice(0, 8);
let sequence = 0;
/** A stream-name prefix no other test, run or client uses. The trailing '-' keeps `p1-` from being a prefix of `p10-`. */
const uniquePrefix = (label: string): string => `contract${runId}-${label}${++sequence}-`;
const uniqueStream = (label: string): string => `${uniquePrefix(label)}stream`;

const events = (count: number, type = 'Tested'): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type, data: { i }, metadata: { correlationId: runId } }));

/** Rejects with a message naming what did not happen, instead of waiting forever. */
const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** The next `count` events the iterator yields that `accept` keeps, within WAIT_MS in total. */
const take = async (
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
  what: string,
  accept: (event: RecordedEvent) => boolean = () => true,
): Promise<RecordedEvent[]> => {
  const taken: RecordedEvent[] = [];
  const deadline = Date.now() + WAIT_MS;
  while (taken.length < count) {
    const result = await within(iterator.next(), Math.max(deadline - Date.now(), 1), `${what} (${taken.length} of ${count} so far)`);
    if (result.done) throw new Error(`${what}: the subscription ended after ${taken.length} of ${count} events`);
    if (accept(result.value)) taken.push(result.value);
  }
  return taken;
};

/** Polls until `check` passes, within WAIT_MS. */
const eventually = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The rejection of `promise`, which must be the port's WrongExpectedVersionError. */
const wrongVersion = async (promise: Promise<unknown>): Promise<WrongExpectedVersionError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  return error as WrongExpectedVersionError;
};

const ids = (list: Array<{ id?: string }>): Array<string | undefined> => list.map((e) => e.id);
const positions = (list: RecordedEvent[]): bigint[] => list.map((e) => e.position);
const isStrictlyIncreasing = (values: bigint[]): boolean => values.every((v, i) => i === 0 || v > values[i - 1]);
const isSystem = (e: RecordedEvent): boolean => e.streamName.startsWith('$') || e.type.startsWith('$');

/** `it` for a fault the harness can cause; else a skipped test whose title says why, also printed. */
const withFault = <A extends unknown[]>(
  name: string,
  fault: Fault<A> | undefined,
  title: string,
  test: (cause: (store: EventStore, ...args: A) => Promise<void>) => Promise<void>,
): void => {
  if (typeof fault === 'function') {
    it(title, () => test(fault));
    return;
  }
  const reason = `${name}: "${title}" SKIPPED: ${fault?.skipped ?? 'the harness cannot cause this fault'}`;
  process.stderr.write(`\n${reason}\n`);
  it.skip(reason, () => undefined);
};

export function eventStoreContract(name: string, harness: EventStoreContractHarness): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    const subscriptions: Subscription[] = [];
    /** Subscribes and makes sure the subscription is closed after the suite, even when a test fails half-way. */
    const subscribe = (options?: Parameters<EventStore['subscribe']>[0]): Subscription => {
      const subscription = store.subscribe(options);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeAll(async () => {
      store = await harness.create();
    });

    afterAll(async () => {
      await Promise.all(subscriptions.map((s) => s.close()));
      await store?.close();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('append and readStream', () => {
      it('round-trips types, data, metadata and ids, with revisions 0..n-1 and creation dates', async () => {
        const stream = uniqueStream('roundtrip');
        const appended: EventToAppend[] = [
          {
            id: randomUUID(),
            type: 'ArticleIngested',
            data: { title: 'Zürich — “quoted” ✓', tags: ['a', 'b'], nested: { n: 1.5, yes: true, none: null } },
            metadata: { schemaVersion: 1, correlationId: 'corr-1', causationId: 'cause-1' },
          },
          { id: randomUUID(), type: 'ClaimRecorded', data: { text: 'x'.repeat(20_000) }, metadata: { correlationId: 'corr-1' } },
          { id: randomUUID(), type: 'ClaimRetracted', data: [1, 'two', { three: 3 }], metadata: {} },
        ];
        const before = Date.now();
        const result = await store.append(stream, appended, NO_STREAM);
        const after = Date.now();

        const read = await store.readStream(stream);
        expect(read.map(({ id, streamName, revision, type, data, metadata }) => ({ id, streamName, revision, type, data, metadata }))).toEqual(
          appended.map((e, i) => ({
            id: e.id,
            streamName: stream,
            revision: BigInt(i),
            type: e.type,
            data: e.data,
            metadata: e.metadata,
          })),
        );
        for (const e of read) {
          expect(typeof e.position).toBe('bigint');
          expect(e.created).toBeInstanceOf(Date);
          expect(e.created.getTime()).toBeGreaterThanOrEqual(before - CLOCK_SKEW_MS);
          expect(e.created.getTime()).toBeLessThanOrEqual(after + CLOCK_SKEW_MS);
        }
        expect(isStrictlyIncreasing(positions(read))).toBe(true);
        expect(result).toEqual({ nextExpectedRevision: 2n, position: read[2].position });
      });

      it('mints a distinct UUID for each event appended without an id, and reads absent metadata as {}', async () => {
        const stream = uniqueStream('minted');
        await store.append(
          stream,
          [
            { type: 'A', data: { a: 1 } },
            { type: 'B', data: { b: 2 } },
          ],
          NO_STREAM,
        );
        const [a, b] = await store.readStream(stream);
        expect(a.id).toMatch(UUID);
        expect(b.id).toMatch(UUID);
        expect(a.id).not.toBe(b.id);
        expect(a.metadata).toEqual({});
      });

      it('continues revisions and positions across appends', async () => {
        const stream = uniqueStream('continue');
        const first = await store.append(stream, events(2), NO_STREAM);
        const second = await store.append(stream, events(3), first.nextExpectedRevision);
        expect(first.nextExpectedRevision).toBe(1n);
        expect(second.nextExpectedRevision).toBe(4n);
        expect(second.position).toBeGreaterThan(first.position);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(isStrictlyIncreasing(positions(read))).toBe(true);
      });

      it('rejects an empty append and writes nothing', async () => {
        const stream = uniqueStream('empty');
        await expect(store.append(stream, [], ANY)).rejects.toThrow(RangeError);
        await expect(store.readStream(stream)).rejects.toThrow(StreamNotFoundError);
      });
    });

    describe('expected revision', () => {
      it('no_stream: appends to a new stream', async () => {
        const result = await store.append(uniqueStream('nostream-ok'), events(1), NO_STREAM);
        expect(result.nextExpectedRevision).toBe(0n);
      });

      it('no_stream: rejects an existing stream, naming its current revision', async () => {
        const stream = uniqueStream('nostream-exists');
        await store.append(stream, events(2), NO_STREAM);
        const error = await wrongVersion(store.append(stream, events(1), NO_STREAM));
        expect(error).toMatchObject({ stream, expected: NO_STREAM, actual: 1n });
      });

      it('exact revision: appends when the stream is at that revision', async () => {
        const stream = uniqueStream('exact-ok');
        await store.append(stream, events(2), NO_STREAM);
        const result = await store.append(stream, events(1), 1n);
        expect(result.nextExpectedRevision).toBe(2n);
      });

      it('exact revision: rejects a stale or a future revision, naming the actual one', async () => {
        const stream = uniqueStream('exact-wrong');
        await store.append(stream, events(2), NO_STREAM);
        expect(await wrongVersion(store.append(stream, events(1), 0n))).toMatchObject({ stream, expected: 0n, actual: 1n });
        expect(await wrongVersion(store.append(stream, events(1), 5n))).toMatchObject({ stream, expected: 5n, actual: 1n });
      });

      it('exact revision: rejects a stream that does not exist, with actual no_stream', async () => {
        const stream = uniqueStream('exact-missing');
        expect(await wrongVersion(store.append(stream, events(1), 0n))).toMatchObject({ stream, expected: 0n, actual: NO_STREAM });
      });

      it('stream_exists: appends to an existing stream and rejects a missing one', async () => {
        const stream = uniqueStream('exists');
        await store.append(stream, events(1), NO_STREAM);
        expect((await store.append(stream, events(1), STREAM_EXISTS)).nextExpectedRevision).toBe(1n);

        const missing = uniqueStream('exists-missing');
        expect(await wrongVersion(store.append(missing, events(1), STREAM_EXISTS))).toMatchObject({
          stream: missing,
          expected: STREAM_EXISTS,
          actual: NO_STREAM,
        });
      });

      it('any: appends whether or not the stream exists', async () => {
        const stream = uniqueStream('any');
        expect((await store.append(stream, events(1), ANY)).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream, events(2), ANY)).nextExpectedRevision).toBe(2n);
      });
    });

    describe('a failed append writes nothing', () => {
      it('leaves the stream, the log and the head unchanged when a multi-event append has the wrong revision', async () => {
        const prefix = uniquePrefix('atomic');
        const stream = `${prefix}stream`;
        await store.append(stream, events(2), NO_STREAM);
        const before = await store.readStream(stream);
        const head = await store.headPosition();

        await wrongVersion(store.append(stream, events(3), 0n));
        await wrongVersion(store.append(stream, events(3), NO_STREAM));

        expect(await store.readStream(stream)).toEqual(before);
        expect(await store.readAll({ fromPosition: before[0].position, streamPrefix: prefix })).toEqual(before);
        expect(await store.headPosition()).toBe(head);
      });

      it('does not create a stream when its first append fails', async () => {
        const stream = uniqueStream('atomic-missing');
        await wrongVersion(store.append(stream, events(3), 2n));
        await wrongVersion(store.append(stream, events(3), STREAM_EXISTS));
        await expect(store.readStream(stream)).rejects.toThrow(StreamNotFoundError);
      });
    });

    describe('readStream', () => {
      it('rejects a stream that does not exist with StreamNotFoundError', async () => {
        const stream = uniqueStream('missing');
        const error = await store.readStream(stream).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ stream });
      });

      it('reads from a revision and at most maxCount events', async () => {
        const stream = uniqueStream('window');
        await store.append(stream, events(5), NO_STREAM);
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) => (await store.readStream(stream, options)).map((e) => e.revision);
        expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
        expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n]);
        expect(await revisions({ fromRevision: 1n, maxCount: 3 })).toEqual([1n, 2n, 3n]);
        expect(await revisions({ fromRevision: 4n, maxCount: 10 })).toEqual([4n]);
        expect(await revisions({ fromRevision: 5n })).toEqual([]);
      });
    });

    describe('concurrent appends', () => {
      it('of 20 appends expecting the same revision, exactly one wins and the stream holds exactly its batch', async () => {
        const stream = uniqueStream('race');
        await store.append(stream, events(1), NO_STREAM);
        const batches = Array.from({ length: 20 }, (_, b) => events(2, `Batch${b}`));

        const results = await Promise.allSettled(batches.map((batch) => store.append(stream, batch, 0n)));

        const won = results.flatMap((r, b) => (r.status === 'fulfilled' ? [b] : []));
        expect(won).toHaveLength(1);
        for (const r of results) {
          if (r.status === 'rejected') {
            expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
            expect(r.reason).toMatchObject({ stream, expected: 0n, actual: 2n });
          }
        }
        const read = await store.readStream(stream);
        expect(read).toHaveLength(3);
        expect(ids(read.slice(1))).toEqual(ids(batches[won[0]]));
      });

      it('of 20 appends creating the same stream with no_stream, exactly one wins', async () => {
        const stream = uniqueStream('race-create');
        const batches = Array.from({ length: 20 }, (_, b) => events(2, `Batch${b}`));

        const results = await Promise.allSettled(batches.map((batch) => store.append(stream, batch, NO_STREAM)));

        const won = results.flatMap((r, b) => (r.status === 'fulfilled' ? [b] : []));
        expect(won).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof WrongExpectedVersionError)).toBe(true);
        expect(ids(await store.readStream(stream))).toEqual(ids(batches[won[0]]));
      });
      it('appends issued together to several streams stand or fall each on their own', async () => {
        const prefix = uniquePrefix('together');
        const existing = `${prefix}existing`;
        await store.append(existing, events(1), NO_STREAM);
        const batches = Array.from({ length: 8 }, (_, b) => events(3, `Batch${b}`));
        // Batch 3 expects a new stream where one exists: it alone must fail.
        const results = await Promise.allSettled(batches.map((batch, b) => store.append(b === 3 ? existing : `${prefix}s${b}`, batch, NO_STREAM)));

        expect(results.map((r) => r.status)).toEqual(batches.map((_, b) => (b === 3 ? 'rejected' : 'fulfilled')));
        expect((results[3] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
        for (const [b, batch] of batches.entries()) {
          if (b !== 3) expect(ids(await store.readStream(`${prefix}s${b}`))).toEqual(ids(batch));
        }
        expect(await store.readStream(existing)).toHaveLength(1);
        const positions = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.position] : []));
        expect(new Set(positions).size).toBe(positions.length);
      });
    });

    describe('readAll', () => {
      /** Appends to two streams under a fresh prefix, interleaved, and returns the events as stored, in append order. */
      const interleaved = async (): Promise<{ prefix: string; all: RecordedEvent[] }> => {
        const prefix = uniquePrefix('global');
        const [a, b] = [`${prefix}a`, `${prefix}b`];
        await store.append(a, events(2), NO_STREAM);
        await store.append(b, events(1), NO_STREAM);
        await store.append(a, events(1), 1n);
        await store.append(b, events(2), 0n);
        const [readA, readB] = [await store.readStream(a), await store.readStream(b)];
        const all = [readA[0], readA[1], readB[0], readA[2], readB[1], readB[2]];
        return { prefix, all };
      };

      it('returns the events of several streams in append order, with strictly increasing positions', async () => {
        const { prefix, all } = await interleaved();
        expect(isStrictlyIncreasing(positions(all))).toBe(true);
        expect(await store.readAll({ fromPosition: all[0].position, streamPrefix: prefix })).toEqual(all);

        // Without a prefix: the same events in the same order, among whatever else is in the log, and no system events.
        const everything = await store.readAll({ fromPosition: all[0].position });
        expect(everything.filter((e) => e.streamName.startsWith(prefix))).toEqual(all);
        expect(everything.filter(isSystem)).toEqual([]);
        expect(isStrictlyIncreasing(positions(everything))).toBe(true);
      });

      it('starts at the beginning of the log by default', async () => {
        const { all } = await interleaved();
        const [first] = await store.readAll({ maxCount: 1 });
        expect(first.position).toBeLessThanOrEqual(all[0].position);
      });

      it('treats fromPosition as inclusive', async () => {
        const { prefix, all } = await interleaved();
        expect(await store.readAll({ fromPosition: all[2].position, streamPrefix: prefix })).toEqual(all.slice(2));
        expect(await store.readAll({ fromPosition: all[2].position, maxCount: 1 })).toEqual([all[2]]);
      });

      it('returns at most maxCount events', async () => {
        const { prefix, all } = await interleaved();
        expect(await store.readAll({ fromPosition: all[0].position, streamPrefix: prefix, maxCount: 2 })).toEqual(all.slice(0, 2));
        expect(await store.readAll({ fromPosition: all[0].position, streamPrefix: prefix, maxCount: 100 })).toEqual(all);
      });

      it('keeps only streams whose name starts with streamPrefix', async () => {
        const prefix = uniquePrefix('prefix');
        const other = uniquePrefix('other');
        const first = await store.append(`${prefix}x-1`, events(1), NO_STREAM);
        await store.append(`${other}x-1`, events(1), NO_STREAM);
        await store.append(`${prefix}y-1`, events(1), NO_STREAM);
        await store.append(`${prefix}x-2`, events(1), NO_STREAM);

        const read = await store.readAll({ fromPosition: first.position, streamPrefix: `${prefix}x` });
        expect(read.map((e) => e.streamName)).toEqual([`${prefix}x-1`, `${prefix}x-2`]);
      });
    });

    describe('reading after a position', () => {
      it('readAll after a position is exclusive: the next page starts after the last event of this one', async () => {
        const prefix = uniquePrefix('after');
        await store.append(`${prefix}a`, events(3), NO_STREAM);
        await store.append(`${prefix}b`, events(2), NO_STREAM);
        const all = await store.readAll({ streamPrefix: prefix, fromPosition: (await store.readStream(`${prefix}a`))[0].position });
        expect(all).toHaveLength(5);
        const pages: RecordedEvent[] = [];
        let after: bigint | undefined;
        for (;;) {
          const page = await store.readAll({ after, maxCount: 2, streamPrefix: prefix, ...(after === undefined ? { fromPosition: all[0].position } : {}) });
          pages.push(...page);
          if (page.length < 2) break;
          after = page[page.length - 1].position;
        }
        expect(pages).toEqual(all);
        expect(await store.readAll({ after: all[4].position, streamPrefix: prefix })).toEqual([]);
        expect(await store.readAll({ after: all[1].position, maxCount: 1 })).toEqual([all[2]]);
      });

      it('refuses fromPosition together with after', async () => {
        await expect(store.readAll({ fromPosition: 0n, after: 0n })).rejects.toThrow(RangeError);
      });
    });

    describe('headPosition and countEvents of a prefix', () => {
      it('the head of a prefix is its newest event, whatever other streams wrote later', async () => {
        const prefix = uniquePrefix('head-prefix');
        expect(await store.headPosition({ streamPrefix: prefix })).toBe(-1n);
        const ours = await store.append(`${prefix}1`, events(2), NO_STREAM);
        await store.append(uniqueStream('head-other'), events(3), NO_STREAM);
        expect(await store.headPosition({ streamPrefix: prefix })).toBe(ours.position);
        expect(await store.headPosition()).toBeGreaterThan(ours.position);
      });

      it('counts the events after a position, of a prefix, up to a limit', async () => {
        const prefix = uniquePrefix('count');
        const first = await store.append(`${prefix}a`, events(1), NO_STREAM);
        await store.append(uniqueStream('count-other'), events(2), NO_STREAM);
        await store.append(`${prefix}b`, events(4), NO_STREAM);
        expect(await store.countEvents({ after: first.position, streamPrefix: prefix })).toBe(4);
        expect(await store.countEvents({ after: first.position, streamPrefix: prefix, limit: 3 })).toBe(3);
        expect(await store.countEvents({ streamPrefix: prefix })).toBe(5);
        expect(await store.countEvents({ after: first.position })).toBeGreaterThanOrEqual(6);
        const head = await store.headPosition();
        expect(await store.countEvents({ after: head })).toBe(0);
      });
    });

    describe('logId', () => {
      it('names the log: the same on every call, and another log has another', async () => {
        const id = await store.logId();
        expect(id).toMatch(/\S{8,}/);
        expect(await store.logId()).toBe(id);
        const other = await harness.create();
        try {
          if (harness.sharedLog) expect(await other.logId()).toBe(id);
          else expect(await other.logId()).not.toBe(id);
        } finally {
          await other.close();
        }
      });
    });

    describe('append size', () => {
      /** One event whose appendBytes is exactly `bytes` (ASCII filler). */
      const sized = (bytes: number): EventToAppend[] => {
        const base = { id: randomUUID(), type: 'Sized', data: { filler: '' }, metadata: {} };
        return [{ ...base, data: { filler: 'x'.repeat(bytes - appendBytes([base])) } }];
      };

      it('takes an append of exactly maxAppendBytes and refuses a larger one with AppendTooLargeError, writing nothing', async () => {
        const limit = store.maxAppendBytes;
        if (limit === null) {
          // No limit: a 1 MiB append, the size EventStoreDB refuses by default, must go through.
          const stream = uniqueStream('big');
          await store.append(stream, sized(1_048_576 + 1), NO_STREAM);
          expect(await store.readStream(stream)).toHaveLength(1);
          return;
        }
        const fits = uniqueStream('fits');
        await store.append(fits, sized(limit), NO_STREAM);
        expect(await store.readStream(fits)).toHaveLength(1);
        const tooBig = uniqueStream('too-big');
        const error = await store.append(tooBig, sized(limit + 1), NO_STREAM).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppendTooLargeError);
        expect(error).toMatchObject({ stream: tooBig, limit });
        await expect(store.readStream(tooBig)).rejects.toThrow(StreamNotFoundError);
      });
    });

    describe('faults', () => {
      withFault(name, harness.deleteStream, 'a deleted stream reads and appends as StreamDeletedError, not as missing', async (deleteStream) => {
        const stream = uniqueStream('deleted');
        await store.append(stream, events(2), NO_STREAM);
        await deleteStream(store, stream);
        const read = await store.readStream(stream).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(read).toBeInstanceOf(StreamDeletedError);
        expect(read).toMatchObject({ stream });
        await expect(store.append(stream, events(1), ANY)).rejects.toThrow(StreamDeletedError);
      });

      withFault(name, harness.appendCorrupt, 'a corrupt event fails reads with its position, and a subscription resumes after it', async (appendCorrupt) => {
        const prefix = uniquePrefix('corrupt');
        const stream = `${prefix}stream`;
        await store.append(stream, events(1), NO_STREAM);
        await appendCorrupt(store, stream);
        await store.append(stream, events(1), 1n);
        const subscription = subscribe({ streamPrefix: prefix });
        const iterator = subscription[Symbol.asyncIterator]();
        const [good] = await take(iterator, 1, 'the event before the corrupt one');
        const error = await within(iterator.next(), WAIT_MS, 'the corrupt event').then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CorruptEventError);
        const corrupt = error as CorruptEventError;
        expect(corrupt).toMatchObject({ stream, revision: 1n });
        expect(corrupt.position).toBeGreaterThan(good.position);
        await subscription.close();
        const resumed = subscribe({ fromPosition: corrupt.position, streamPrefix: prefix });
        const [after] = await take(resumed[Symbol.asyncIterator](), 1, 'the event after the corrupt one');
        expect(after).toMatchObject({ streamName: stream, revision: 2n });
        await resumed.close();
        await expect(store.readStream(stream)).rejects.toThrow(CorruptEventError);
      });

      withFault(
        name,
        harness.dropConnection,
        'a dropped connection fails open subscriptions with StoreUnavailableError; a new one catches up',
        async (drop) => {
          const prefix = uniquePrefix('drop');
          const stream = `${prefix}stream`;
          await store.append(stream, events(2), NO_STREAM);
          const subscription = subscribe({ streamPrefix: prefix });
          const iterator = subscription[Symbol.asyncIterator]();
          const [first] = await take(iterator, 1, 'the first event');
          await drop(store);
          const failed = await within(
            (async () => {
              // Events already buffered may still arrive; the failure must follow them.
              for (;;) {
                const result = await iterator.next();
                if (result.done) return new Error('the subscription ended instead of failing');
              }
            })().catch((e: unknown) => e),
            WAIT_MS * 3,
            'the subscription to fail',
          );
          expect(failed).toBeInstanceOf(StoreUnavailableError);
          await subscription.close();
          await store.append(stream, events(1), 1n);
          const resumed = subscribe({ fromPosition: first.position, streamPrefix: prefix });
          expect((await take(resumed[Symbol.asyncIterator](), 2, 'the events after the checkpoint')).map((e) => e.revision)).toEqual([1n, 2n]);
          await resumed.close();
        },
      );
    });

    describe('headPosition', () => {
      it('is -1n for an empty log, else the position of the newest event', async () => {
        const fresh = await harness.create();
        try {
          const [first] = await fresh.readAll({ maxCount: 1 });
          const head = await fresh.headPosition();
          if (first) expect(head).toBeGreaterThanOrEqual(first.position);
          else expect(head).toBe(-1n);

          const result = await fresh.append(uniqueStream('head'), events(3), NO_STREAM);
          expect(await fresh.headPosition()).toBe(result.position);
        } finally {
          await fresh.close();
        }
      });
    });

    describe('subscribe', () => {
      it('catches up on stored events, then delivers events appended later', async () => {
        const prefix = uniquePrefix('live');
        const stream = `${prefix}stream`;
        await store.append(stream, events(2), NO_STREAM);
        const subscription = subscribe({ streamPrefix: prefix });
        const iterator = subscription[Symbol.asyncIterator]();

        const caughtUp = await take(iterator, 2, 'the stored events');
        expect(caughtUp).toEqual(await store.readStream(stream));

        const live = events(1);
        await store.append(stream, live, 1n);
        const [delivered] = await take(iterator, 1, 'the live event');
        expect(delivered).toEqual((await store.readStream(stream, { fromRevision: 2n }))[0]);
        expect(delivered.id).toBe(live[0].id);
        await subscription.close();
      });

      it('resumes after a checkpoint: fromPosition is exclusive', async () => {
        const prefix = uniquePrefix('resume');
        const stream = `${prefix}stream`;
        await store.append(stream, events(3), NO_STREAM);
        const stored = await store.readStream(stream);

        const resumed = subscribe({ fromPosition: stored[0].position, streamPrefix: prefix });
        expect(await take(resumed[Symbol.asyncIterator](), 2, 'the events after the checkpoint')).toEqual(stored.slice(1));
        await resumed.close();

        // From the newest event: nothing stored is replayed, the next append is the first thing delivered.
        const atHead = subscribe({ fromPosition: stored[2].position, streamPrefix: prefix });
        const iterator = atHead[Symbol.asyncIterator]();
        const next = iterator.next();
        const later = events(1);
        await store.append(stream, later, 2n);
        const result = await within(next, WAIT_MS, 'the event after the newest checkpoint');
        expect(result.done).toBe(false);
        expect(result.value?.id).toBe(later[0].id);
        await atHead.close();
      });

      it('without a prefix, delivers every stream after the checkpoint and no system events', async () => {
        const prefix = uniquePrefix('all');
        const checkpoint = await store.append(`${prefix}a`, events(1), NO_STREAM);
        const subscription = subscribe({ fromPosition: checkpoint.position });
        const iterator = subscription[Symbol.asyncIterator]();
        await store.append(`${prefix}b`, events(1), NO_STREAM);
        await store.append(`${prefix}c`, events(1), NO_STREAM);

        const seen: RecordedEvent[] = [];
        const ours = await take(iterator, 2, 'events of two streams', (e) => {
          seen.push(e);
          return e.streamName.startsWith(prefix);
        });
        expect(ours.map((e) => e.streamName)).toEqual([`${prefix}b`, `${prefix}c`]);
        expect(seen.filter(isSystem)).toEqual([]);
        expect(isStrictlyIncreasing(positions(seen))).toBe(true);
        await subscription.close();
      });

      it('keeps only streams whose name starts with streamPrefix, in catch-up and live', async () => {
        const prefix = uniquePrefix('sub-prefix');
        const other = uniquePrefix('sub-other');
        await store.append(`${prefix}1`, events(1), NO_STREAM);
        await store.append(`${other}1`, events(1), NO_STREAM);
        await store.append(`${prefix}2`, events(1), NO_STREAM);
        const subscription = subscribe({ streamPrefix: prefix });
        const iterator = subscription[Symbol.asyncIterator]();

        expect((await take(iterator, 2, 'the stored events under the prefix')).map((e) => e.streamName)).toEqual([`${prefix}1`, `${prefix}2`]);

        await store.append(`${other}1`, events(1), 0n);
        await store.append(`${prefix}1`, events(1), 0n);
        expect((await take(iterator, 1, 'the live event under the prefix')).map((e) => e.streamName)).toEqual([`${prefix}1`]);
        await subscription.close();
      });

      it('close() ends a pending next() and a for-await loop', async () => {
        const prefix = uniquePrefix('close');
        const idle = subscribe({ streamPrefix: prefix });
        const pending = idle[Symbol.asyncIterator]().next();
        await idle.close();
        expect(await within(pending, WAIT_MS, 'next() to end after close()')).toMatchObject({ done: true });

        const looped = subscribe({ streamPrefix: prefix });
        const seen: RecordedEvent[] = [];
        const loop = (async () => {
          for await (const event of looped) seen.push(event);
        })();
        await store.append(`${prefix}stream`, events(1), NO_STREAM);
        await eventually(() => seen.length === 1, 'the loop to receive the event');
        await looped.close();
        await within(loop, WAIT_MS, 'the for-await loop to end after close()');
        expect(seen).toHaveLength(1);
      });
    });

    if (harness.reopen) {
      const reopen = harness.reopen;
      describe('after reopening', () => {
        it('keeps streams, revisions and positions, and appends and subscriptions continue', async () => {
          const prefix = uniquePrefix('reopen');
          const [a, b] = [`${prefix}a`, `${prefix}b`];
          let reopened = await harness.create();
          try {
            await reopened.append(a, events(2), NO_STREAM);
            await reopened.append(b, events(1), NO_STREAM);
            const [beforeA, beforeB] = [await reopened.readStream(a), await reopened.readStream(b)];
            const beforeAll = await reopened.readAll({ fromPosition: beforeA[0].position, streamPrefix: prefix });
            const head = await reopened.headPosition();

            reopened = await reopen(reopened);

            expect(await reopened.readStream(a)).toEqual(beforeA);
            expect(await reopened.readStream(b)).toEqual(beforeB);
            expect(await reopened.readAll({ fromPosition: beforeA[0].position, streamPrefix: prefix })).toEqual(beforeAll);
            expect(await reopened.headPosition()).toBe(head);

            expect(await wrongVersion(reopened.append(b, events(1), NO_STREAM))).toMatchObject({ actual: 0n });
            const next = await reopened.append(a, events(1), 1n);
            expect(next.nextExpectedRevision).toBe(2n);
            expect(next.position).toBeGreaterThan(head);
            expect(await reopened.headPosition()).toBe(next.position);

            const subscription = reopened.subscribe({ fromPosition: head, streamPrefix: prefix });
            try {
              const [delivered] = await take(subscription[Symbol.asyncIterator](), 1, 'the event appended after reopening');
              expect(delivered).toMatchObject({ streamName: a, revision: 2n, position: next.position });
            } finally {
              await subscription.close();
            }
          } finally {
            await reopened.close();
          }
        });
      });
    }
  });
}
