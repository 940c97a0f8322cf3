import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toAppend, newCommandContext, type ArticleEvent } from '../../src/domain/events/index.js';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { NO_STREAM } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { ViewSnapshots } from '../../src/projections/view-snapshots.js';
import type { Projection } from '../../src/read-models/projection.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

/** A tiny view: events seen per type, and the positions seen (to catch double application). */
const counting: Projection<{ byType: Record<string, number>; positions: string[] }> = {
  name: 'counting',
  initial: () => ({ byType: {}, positions: [] }),
  apply: (s, e) => {
    s.byType[e.event.type] = (s.byType[e.event.type] ?? 0) + 1;
    s.positions.push(e.position.toString());
    return s;
  },
  serialize: (s) => s,
  deserialize: (j) => structuredClone(j) as { byType: Record<string, number>; positions: string[] },
};

const article = (i: number) => ingestEvents(articleFromInput({ text: `Ruritania pledged road ${i}. Genovia pledged rail ${i}.` }), pledgeExtractor);

describe('projection runner', () => {
  const dirs: string[] = [];
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-runner-'));
    dirs.push(dir);
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    cleanup.push(() => store.close());
    return { dir, store };
  };
  const write = async (store: SqliteEventStore, events: ArticleEvent[]) =>
    store.append(`article-${events[0].data.articleId}`, toAppend(events, newCommandContext()), NO_STREAM);

  it('catches up, then follows live appends; waitFor gives read-your-writes', async () => {
    const { store } = setup();
    await write(store, article(1));
    const runner = new ProjectionRunner(store, [counting as Projection<unknown>]);
    cleanup.unshift(() => runner.stop());
    runner.start();
    const { position } = await write(store, article(2));
    expect(await runner.waitFor(position)).toBe(true);
    expect(runner.state<{ byType: Record<string, number> }>('counting').byType).toEqual({ ArticleIngested: 2, PledgeMade: 4 });
  });

  it('resumes from the saved checkpoint after a restart without reprocessing', async () => {
    const { dir, store } = setup();
    const snapshots = new ViewSnapshots(join(dir, 'views.sqlite'));
    cleanup.push(async () => snapshots.close());
    const first = new ProjectionRunner(store, [counting as Projection<unknown>], snapshots);
    first.start();
    const { position } = await write(store, article(1));
    await first.waitFor(position);
    await first.stop();

    await write(store, article(2));
    const second = new ProjectionRunner(store, [counting as Projection<unknown>], snapshots);
    cleanup.unshift(() => second.stop());
    second.start();
    await second.waitFor(await store.headPosition());
    const state = second.state<{ positions: string[] }>('counting');
    expect(state.positions).toEqual((await store.readAll()).map((e) => e.position.toString()));
    expect(second.status()[0].processed).toBe(3);
  });

  it('rebuilds beside the live view and swaps in a state equal to the live one', async () => {
    const { store } = setup();
    for (let i = 0; i < 20; i++) await write(store, article(i));
    const runner = new ProjectionRunner(store, [counting as Projection<unknown>]);
    cleanup.unshift(() => runner.stop());
    runner.start();
    await runner.waitFor(await store.headPosition());
    const rebuilding = runner.rebuild();
    // Appends during the rebuild must be in the swapped-in state too.
    for (let i = 20; i < 25; i++) await write(store, article(i));
    await rebuilding;
    await runner.waitFor(await store.headPosition());
    const rebuilt = runner.state<{ positions: string[] }>('counting');
    expect(rebuilt.positions).toEqual((await store.readAll()).map((e) => e.position.toString()));
    expect(runner.status()[0].lastRebuild).toMatchObject({ events: expect.any(Number), eventsPerSecond: expect.any(Number) });
  });

  it('answers as of a position from the events up to it', async () => {
    const { store } = setup();
    const { position } = await write(store, article(1));
    await write(store, article(2));
    const runner = new ProjectionRunner(store, [counting as Projection<unknown>]);
    const states = await runner.asOf(['counting'], { position });
    expect((states.get('counting') as { byType: Record<string, number> }).byType).toEqual({ ArticleIngested: 1, PledgeMade: 2 });
  });
});
