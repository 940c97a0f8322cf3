import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toAppend, newCommandContext } from '../../src/domain/events/index.js';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { NO_STREAM } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import type { ViewSnapshots } from '../../src/projections/view-snapshots.js';
import type { Projection } from '../../src/read-models/projection.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

/** A view counting events whose serialisation costs `costMs` of busy CPU, like a big state. */
const view = (name: string, costMs: number): Projection<{ n: number }> => ({
  name,
  version: 1,
  initial: () => ({ n: 0 }),
  apply: (s) => ({ n: s.n + 1 }),
  serialize: (s) => {
    const until = performance.now() + costMs;
    while (performance.now() < until);
    return s;
  },
  deserialize: (j) => j as { n: number },
});

/** Records which views each save carried. */
class RecordingSnapshots {
  readonly saves: string[][] = [];
  bindTo(): boolean {
    return false;
  }
  load(): null {
    return null;
  }
  save(rows: Array<{ name: string }>): void {
    this.saves.push(rows.map((r) => r.name));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const appendArticle = async (store: SqliteEventStore, text: string): Promise<void> => {
  const events = ingestEvents(articleFromInput({ text }), pledgeExtractor);
  await store.append(`article-${events[0].data.articleId}`, toAppend(events, newCommandContext(), 0n), NO_STREAM);
};

/** An article every ~10 ms for `ms`: keeps every view dirty. */
const keepWriting = async (store: SqliteEventStore, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  for (let i = 0; Date.now() < end; i++) {
    await appendArticle(store, `Ruritania pledged road ${i}.`);
    await sleep(10);
  }
};

describe('snapshot cadence', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('saves a view that is slow to serialise rarely, one view per tick, and every changed view on stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cadence-'));
    dirs.push(dir);
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const snapshots = new RecordingSnapshots();
    const runner = new ProjectionRunner(
      store,
      [view('quick', 0), view('slow', 25)],
      snapshots as unknown as ViewSnapshots,
      { snapshotEveryMs: 20 },
    );
    void runner.start();
    // Keep both views dirty for ~1.2 s: the slow one (25 ms a save) may be saved at most every ~500 ms.
    await keepWriting(store, 1200);
    const count = (name: string) => snapshots.saves.filter((s) => s.includes(name)).length;
    const quick = count('quick');
    const slow = count('slow');
    expect(slow).toBeGreaterThanOrEqual(1);
    expect(slow).toBeLessThanOrEqual(4);
    expect(quick).toBeGreaterThanOrEqual(1);
    // No timer tick serialises more than one view: a tick never stalls the loop for every view at once.
    expect(snapshots.saves.every((s) => s.length === 1)).toBe(true);

    // A last change to both views, then stop: the shutdown save carries both, whatever the spacing.
    await appendArticle(store, 'Genovia pledged a last road.');
    expect(await runner.waitFor(await store.headPosition())).toBe(true);
    const before = snapshots.saves.length;
    await runner.stop();
    expect(snapshots.saves.slice(before).flat().sort()).toEqual(['quick', 'slow']);
    await store.close();
  });
});

describe('snapshot budget', () => {
  it('spends at most ~5% of the time saving, however many views are slow to save', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cadence-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const snapshots = new RecordingSnapshots();
    const names = ['s1', 's2', 's3', 's4'];
    const runner = new ProjectionRunner(store, names.map((n) => view(n, 25) as Projection<unknown>), snapshots as unknown as ViewSnapshots, { snapshotEveryMs: 20 });
    void runner.start();
    await keepWriting(store, 1200);
    const saves = snapshots.saves.length;
    await runner.stop();
    // Each 25 ms save buys 500 ms of quiet for every view: about 3 saves in 1.2 s, not 3 per view.
    expect(saves).toBeGreaterThanOrEqual(1);
    expect(saves).toBeLessThanOrEqual(4);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a snapshot that cannot be saved', () => {
  it('is reported, leaves the view dirty, and neither the timer nor stop() throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-cadence-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const snapshots = new RecordingSnapshots();
    const failing: Projection<{ n: number }> = {
      ...view('huge', 0),
      serialize: () => {
        throw new RangeError('Invalid string length');
      },
    };
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, [view('quick', 0), failing], snapshots as unknown as ViewSnapshots, {
      snapshotEveryMs: 10,
      onSaveError: (name, error) => errors.push(`${name}: ${error.message}`),
    });
    void runner.start();
    await appendArticle(store, 'Ruritania pledged a road.');
    expect(await runner.waitFor(await store.headPosition())).toBe(true);
    await sleep(100);
    await runner.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2); // a timer tick and the shutdown save
    expect(errors.every((e) => e === 'huge: Invalid string length')).toBe(true);
    expect(runner.saveFailures[0]).toMatchObject({ view: 'huge', error: 'Invalid string length' });
    expect(snapshots.saves.flat()).toContain('quick');
    expect(snapshots.saves.flat()).not.toContain('huge');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
