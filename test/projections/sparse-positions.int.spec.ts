// Replay, rebuild, asOf and the article list page through $all. On EventStoreDB a position is a log
// offset, so these must ask for "after the last event" and never compute a position: on the sparse
// store, "position + 1" is refused as the server refuses it.
import { describe, expect, it } from '@jest/globals';
import { listArticleIds } from '../../src/articles/list-article-ids.js';
import { replayReference } from '../../src/projections/replay-reference.js';
import { replay } from '../../src/projections/replay.js';
import { StoredProjectionRunner } from '../../src/projections/stored-projection-runner.js';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite/sqlite-read-model-store.js';
import { timelineReadModel } from '../../src/read-models/timeline/timeline.stored.js';
import { positionOf } from '../../src/read-models/timeline/timeline.stored-queries.js';
import { positions } from '../support/positions-projection.js';
import { positionsReadModel, seenPositions } from '../support/positions-read-model.js';
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

  it('replayReference (the replay command) folds every read model up to the last event', async () => {
    const store = sparseStore();
    const head = await writeArticles(store, 400);
    const [report] = await replayReference(store, [positions], { pageSize: 100 });
    expect(report).toMatchObject({ events: 1200, checkpoint: head });
  });

  it('a rebuild past 1 000 events, and asOf past 1 000 events, hold all they should', async () => {
    const store = sparseStore();
    await writeArticles(store, 500);
    const readModels = [positionsReadModel, timelineReadModel];
    const rows = new SqliteReadModelStore(':memory:', readModels);
    const runner = new StoredProjectionRunner(store, rows, readModels);
    await runner.start();
    try {
      const head = await store.headPosition();
      expect(await runner.waitFor(head)).toBe(true);
      await runner.rebuild();
      const all = (await store.readAll()).map((e) => e.position.toString());
      expect(seenPositions(rows.reader())).toEqual(all);
      const upTo = (await store.readAll())[1234].position;
      expect(seenPositions(rows.reader(upTo))).toEqual(all.slice(0, 1235));
      expect(seenPositions(rows.reader(positionOf(rows.reader(), { events: 1235 })))).toEqual(all.slice(0, 1235));
    } finally {
      await runner.stop();
      rows.close();
    }
  });
});
