// Replay, rebuild, asOf and the article list page through $all. On EventStoreDB a position is a log
// offset, so these must ask for "after the last event" and never compute a position: on the sparse
// store, "position + 1" is refused as the server refuses it.
import { describe, expect, it } from '@jest/globals';
import { listArticleIds } from '../../src/articles/list-article-ids.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import { rebuildSnapshots } from '../../src/projections/rebuild-snapshots.js';
import { replay } from '../../src/projections/replay.js';
import { ViewSnapshots } from '../../src/projections/view-snapshots.js';
import { positions } from '../support/positions-projection.js';
import { sparseStore, writeArticles } from '../support/sparse-store.js';

describe('paging through $all on sparse positions', () => {
  it('replay folds every event across many pages', async () => {
    const store = sparseStore();
    await writeArticles(store, 40);
    const all = (await store.readAll()).map((e) => e.position.toString());
    const result = await replay(store, [positions], [positions.initial()], { pageSize: 7 });
    expect(result.processed).toBe(120);
    expect(result.states[0]).toEqual(all);
    expect(result.checkpoint.toString()).toBe(all.at(-1));
  });

  it('listArticleIds lists every article across pages', async () => {
    const store = sparseStore();
    await writeArticles(store, 11);
    expect(await listArticleIds(store, 4)).toHaveLength(11);
  });

  it('rebuildSnapshots (the replay command) writes every view at the last event', async () => {
    const store = sparseStore();
    const head = await writeArticles(store, 400);
    const snapshots = new ViewSnapshots(':memory:');
    const [report] = await rebuildSnapshots(store, [positions], snapshots, { pageSize: 100 });
    expect(report).toMatchObject({ events: 1200, checkpoint: head });
    snapshots.close();
  });

  it('a rebuild past 1 000 events, and asOf past 1 000 events, fold all they should', async () => {
    const store = sparseStore();
    await writeArticles(store, 500);
    const runner = new ProjectionRunner(store, [positions]);
    await runner.start();
    try {
      const head = await store.headPosition();
      expect(await runner.waitFor(head)).toBe(true);
      await runner.rebuild();
      const all = (await store.readAll()).map((e) => e.position.toString());
      expect(runner.state<string[]>('positions')).toEqual(all);
      const upTo = (await store.readAll())[1234].position;
      const past = await runner.asOf(['positions'], { position: upTo });
      expect(past.get('positions')).toEqual(all.slice(0, 1235));
    } finally {
      await runner.stop();
    }
  });
});
