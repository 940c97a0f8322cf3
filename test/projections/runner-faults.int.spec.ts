// What EventStoreDB does to a running service, on the sparse in-memory store: the connection
// drops, the server ends a subscription, a client writes an event nobody can read. The read models must
// keep following, lose and repeat nothing, say what is going on, and the process must not die.
import { afterEach, describe, expect, it } from '@jest/globals';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { StoredProjectionRunner } from '../../src/projections/stored-projection-runner.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { positionsReadModel, seenPositions } from '../support/positions-read-model.js';
import { sparseStore, writeArticles } from '../support/sparse-store.js';

const QUICK_RETRY = { firstMs: 10, maxMs: 40 };

const eventually = async (check: () => boolean, what: string, ms = 5000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('the projection runner when the store misbehaves', () => {
  const running: StoredProjectionRunner[] = [];
  afterEach(async () => {
    for (const r of running.splice(0)) {
      await r.stop();
      r.store.close();
    }
  });

  const start = async (store: InMemoryEventStore) => {
    const runner = new StoredProjectionRunner(store, new SqliteReadModelStore(':memory:', [positionsReadModel]), [positionsReadModel], { retry: QUICK_RETRY });
    running.push(runner);
    await runner.start();
    return runner;
  };
  const seen = (runner: StoredProjectionRunner) => seenPositions(runner.store.reader());
  const allPositions = async (store: InMemoryEventStore) => (await store.readAll()).map((e) => e.position.toString());

  it('resubscribes from its checkpoint after a dropped connection: nothing lost, nothing repeated', async () => {
    const store = sparseStore();
    await writeArticles(store, 5);
    const runner = await start(store);
    expect(await runner.waitFor(await store.headPosition())).toBe(true);

    store.dropSubscriptions();
    await writeArticles(store, 5, 5);
    expect(await runner.waitFor(await store.headPosition())).toBe(true);
    expect(seen(runner)).toEqual(await allPositions(store));
    expect(runner.following()).toMatchObject({ state: 'following', reconnects: 1 });
    expect(runner.following().lastError).toMatch(/connection to the event store was lost/);
  });

  it('reports reconnecting while the store does not answer, and follows again once it does', async () => {
    const store = sparseStore();
    await writeArticles(store, 2);
    const runner = await start(store);
    store.stopAnswering();
    store.dropSubscriptions();
    await eventually(() => runner.following().state === 'reconnecting', 'the runner to report reconnecting');
    // Several retries fail on ping meanwhile; none of them may crash anything.
    await new Promise((r) => setTimeout(r, 100));
    expect(runner.following().state).toBe('reconnecting');
    store.stopAnswering(null);
    await writeArticles(store, 2, 2);
    expect(await runner.waitFor(await store.headPosition())).toBe(true);
    expect(runner.following().state).toBe('following');
    expect(seen(runner)).toEqual(await allPositions(store));
  });

  it('does not freeze when the server ends the subscription cleanly', async () => {
    const store = sparseStore();
    const runner = await start(store);
    store.endSubscriptions();
    await writeArticles(store, 3);
    expect(await runner.waitFor(await store.headPosition(), 2000)).toBe(true);
    expect(seen(runner)).toEqual(await allPositions(store));
    expect(runner.following().lastError).toMatch(/ended without being closed/);
  });

  it('reports an event no reader can decode and goes on after it', async () => {
    const store = sparseStore();
    const runner = await start(store);
    const first = await writeArticles(store, 1);
    const bad = await store.append('article-0000000000000000bad0', [{ type: 'ArticleIngested', data: {} }], 'any');
    store.corrupt(bad.position);
    const last = await writeArticles(store, 1, 1);
    expect(await runner.waitFor(last)).toBe(true);
    const applied = seen(runner);
    expect(applied).toHaveLength(6);
    expect(applied).not.toContain(bad.position.toString());
    expect(applied).toContain(first.toString());
    expect(runner.invalidEvents.map((e) => e.message)).toEqual([expect.stringMatching(/article-0000000000000000bad0@0 is corrupt/)]);
    expect(runner.status()[0]).toMatchObject({ checkpoint: last, events: 7 });
    // A rebuild meets the same event: reported again, skipped again, same rows.
    await runner.rebuild();
    expect(seen(runner)).toEqual(applied);
  });
});
