// The ReaderQuery handler: live answers from the store's live rows (kept bytes until a read model
// moves), asOf answers from the temporal rows at the position a position, time or count names.
import { afterEach, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { StoredProjectionRunner } from '../../src/projections/stored-projection-runner.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { timelineReadModel } from '../../src/read-models/timeline/timeline.stored.js';
import { ReaderQueryHandler } from '../../src/read-routes/reader-query.handler.js';
import { ReaderQuery } from '../../src/read-routes/reader.query.js';
import { positionsReadModel, seenPositions } from '../support/positions-read-model.js';
import { writeArticles } from '../support/sparse-store.js';

const READ_MODELS = [positionsReadModel, timelineReadModel];

describe('ReaderQuery handler', () => {
  const running: StoredProjectionRunner[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.stop();
      r.store.close();
    }
  });
  const setup = async () => {
    const events = new InMemoryEventStore({ positions: 'sparse' });
    const runner = new StoredProjectionRunner(events, new SqliteReadModelStore(':memory:', READ_MODELS), READ_MODELS);
    running.push(runner);
    await runner.start();
    return { events, runner, handler: new ReaderQueryHandler(runner, events) };
  };
  const count = (reader: Parameters<ReaderQuery<string>['run']>[0]) => JSON.stringify(seenPositions(reader).length);

  it('keeps a live answer as bytes until a read model moves, then answers from the new rows', async () => {
    const { events, runner, handler } = await setup();
    expect(await runner.waitFor(await writeArticles(events, 2))).toBe(true);
    let runs = 0;
    const query = () => new ReaderQuery(null, (reader) => (runs++, count(reader)), 'count');
    const first = await handler.execute(query());
    expect(first).toEqual(Buffer.from('6'));
    expect(await handler.execute(query())).toEqual(first);
    expect(runs).toBe(1);
    expect(await runner.waitFor(await writeArticles(events, 1, 2))).toBe(true);
    expect(await handler.execute(query())).toEqual(Buffer.from('9'));
    expect(runs).toBe(2);
    // Without a cache key the query runs every time and its value is returned as it is.
    expect(await handler.execute(new ReaderQuery(null, (reader) => seenPositions(reader).length))).toBe(9);
  });

  it('answers asOf a position, a count of events and a time from the rows as they were then', async () => {
    const { events, runner, handler } = await setup();
    await writeArticles(events, 2);
    await new Promise((r) => setTimeout(r, 10));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 10));
    expect(await runner.waitFor(await writeArticles(events, 2, 2))).toBe(true);
    const all = (await events.readAll()).map((e) => e.position);
    const at = (asOf: ConstructorParameters<typeof ReaderQuery>[0]) => handler.execute(new ReaderQuery(asOf, (reader) => seenPositions(reader).length));
    expect(await at({ position: all[3] })).toBe(4);
    expect(await at({ events: 5 })).toBe(5);
    expect(await at({ events: 0 })).toBe(0);
    expect(await at({ time: between })).toBe(6);
    expect(await at({ time: new Date(0) })).toBe(0);
  });

  it('an asOf read waits for the read models to reach the head of the log, as a replay would read it', async () => {
    const { events, handler } = await setup();
    await writeArticles(events, 3);
    // Asked at once: the runner has not written them yet, the handler waits for it.
    expect(await handler.execute(new ReaderQuery({ events: 100 }, (reader) => seenPositions(reader).length))).toBe(9);
  });
});
