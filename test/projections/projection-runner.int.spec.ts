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
import { ReextractArticlesCommand } from '../../src/articles/reextracting-article/reextract-articles.command.js';
import { ReextractArticlesHandler } from '../../src/articles/reextracting-article/reextract-articles.handler.js';
import { loadExistingArticle } from '../../src/articles/article-stream.js';
import { correctClaim } from '../../src/articles/correcting-claim/correct-claim.js';
import { retractClaim } from '../../src/articles/retracting-claim/retract-claim.js';
import type { ClaimExtractor, ExtractedClaim } from '../../src/domain/claim-extractor.js';
import type { ClaimCorrection } from '../../src/domain/events/index.js';
import { ALL_PROJECTIONS } from '../../src/read-models/index.js';
import { stableHash } from '../../src/read-models/stable-hash.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

/** A tiny view: events seen per type, and the positions seen (to catch double application). */
const counting: Projection<{ byType: Record<string, number>; positions: string[] }> = {
  name: 'counting',
  version: 1,
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
    store.append(`article-${events[0].data.articleId}`, toAppend(events, newCommandContext(), 0n), NO_STREAM);

  it('catches up, then follows live appends; waitFor gives read-your-writes', async () => {
    const { store } = setup();
    await write(store, article(1));
    const runner = new ProjectionRunner(store, [counting]);
    cleanup.unshift(() => runner.stop());
    void runner.start();
    const { position } = await write(store, article(2));
    expect(await runner.waitFor(position)).toBe(true);
    expect(runner.state<{ byType: Record<string, number> }>('counting').byType).toEqual({ ArticleIngested: 2, PledgeMade: 4 });
  });

  it('resumes from the saved checkpoint after a restart without reprocessing', async () => {
    const { dir, store } = setup();
    const snapshots = new ViewSnapshots(join(dir, 'views.sqlite'));
    cleanup.push(async () => snapshots.close());
    const first = new ProjectionRunner(store, [counting], snapshots);
    void first.start();
    const { position } = await write(store, article(1));
    await first.waitFor(position);
    await first.stop();

    await write(store, article(2));
    const second = new ProjectionRunner(store, [counting], snapshots);
    cleanup.unshift(() => second.stop());
    void second.start();
    await second.waitFor(await store.headPosition());
    const state = second.state<{ positions: string[] }>('counting');
    expect(state.positions).toEqual((await store.readAll()).map((e) => e.position.toString()));
    expect(second.status()[0].processed).toBe(3);
  });

  it('rebuilds at start a view whose snapshot was saved by another version, while the others serve, and ends equal to a fresh replay', async () => {
    const { dir, store } = setup();
    const snapshots = new ViewSnapshots(join(dir, 'views.sqlite'));
    cleanup.push(async () => snapshots.close());
    // The same events and name, a new meaning: v2 counts only claims, so a v1 snapshot is wrong for it.
    const claimsOnly: Projection<{ byType: Record<string, number>; positions: string[] }> = {
      ...counting,
      version: 2,
      apply: (s, e) => (e.event.type === 'ArticleIngested' ? s : counting.apply(s, e)),
    };
    const other = { ...counting, name: 'other' };
    for (let i = 0; i < 30; i++) await write(store, article(i));
    const first = new ProjectionRunner(store, [counting, other] as Projection<unknown>[], snapshots, { snapshotEveryMs: 0 });
    await first.start();
    await first.waitFor(await store.headPosition());
    await first.stop();

    const second = new ProjectionRunner(store, [claimsOnly, other] as Projection<unknown>[], snapshots, { snapshotEveryMs: 0 });
    cleanup.unshift(() => second.stop());
    await second.start();
    // The outdated view says so from the start; the other was restored and serves at once.
    const [upgraded, restored] = second.status();
    expect(upgraded).toMatchObject({ name: 'counting', version: 2, outdated: { savedVersion: 1 } });
    expect(restored).toMatchObject({ name: 'other', version: 1, outdated: null, processed: 0 });
    expect(second.state<{ positions: string[] }>('other').positions).toHaveLength(90);
    const { position } = await write(store, article(30));
    await second.outdatedRebuild;
    expect(await second.waitFor(position)).toBe(true);

    expect(second.status()[0]).toMatchObject({ outdated: null, lastRebuild: { events: expect.any(Number) } });
    const fresh = new ProjectionRunner(store, [claimsOnly] as Projection<unknown>[]);
    await fresh.start();
    await fresh.waitFor(position);
    await fresh.stop();
    expect(second.serialized('counting')).toEqual(fresh.serialized('counting'));
    expect(second.state<{ byType: Record<string, number> }>('counting').byType).toEqual({ PledgeMade: 62 });

    // Saved now under v2: a third start restores it without rebuilding.
    await second.stop();
    const third = new ProjectionRunner(store, [claimsOnly, other] as Projection<unknown>[], snapshots, { snapshotEveryMs: 0 });
    cleanup.unshift(() => third.stop());
    await third.start();
    expect(third.status().map((v) => v.outdated)).toEqual([null, null]);
    expect(third.serialized('counting')).toEqual(fresh.serialized('counting'));
  });

  it('rebuilds beside the live view and swaps in a state equal to the live one', async () => {
    const { store } = setup();
    for (let i = 0; i < 20; i++) await write(store, article(i));
    const runner = new ProjectionRunner(store, [counting]);
    cleanup.unshift(() => runner.stop());
    void runner.start();
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

  it('joins a rebuild asked for while one of the same views is running, instead of starting another', async () => {
    const { store } = setup();
    for (let i = 0; i < 5; i++) await write(store, article(i));
    let fromZero = 0;
    const counted = new Proxy(store, {
      get: (target, prop, receiver) => {
        if (prop !== 'readAll') return Reflect.get(target, prop, receiver);
        return (options?: { fromPosition?: bigint }) => {
          if ((options?.fromPosition ?? 0n) <= 0n) fromZero++;
          return target.readAll(options);
        };
      },
    });
    const runner = new ProjectionRunner(counted, [counting]);
    cleanup.unshift(() => runner.stop());
    void runner.start();
    await runner.waitFor(await store.headPosition());
    const before = fromZero;
    await Promise.all([runner.rebuild(), runner.rebuild(['counting'])]);
    expect(fromZero - before).toBe(1);
    expect(runner.status()[0].rebuilding).toBeNull();
    // Once finished, a new request rebuilds again.
    await runner.rebuild();
    expect(fromZero - before).toBe(2);
    expect(runner.state<{ positions: string[] }>('counting').positions).toEqual((await store.readAll()).map((e) => e.position.toString()));
  });

  it('answers as of a position from the events up to it', async () => {
    const { store } = setup();
    const { position } = await write(store, article(1));
    await write(store, article(2));
    const runner = new ProjectionRunner(store, [counting]);
    const states = await runner.asOf(['counting'], { position });
    expect((states.get('counting') as { byType: Record<string, number> }).byType).toEqual({ ArticleIngested: 1, PledgeMade: 2 });
  });

  it('rebuild == live over a mixed sequence: ingests, corrections, retractions and re-extractions with a changed extractor', async () => {
    const { dir, store } = setup();
    const runner = new ProjectionRunner(store, ALL_PROJECTIONS);
    cleanup.unshift(() => runner.stop());
    void runner.start();

    const context = newCommandContext();
    const ingest = async (i: number, extractor: ClaimExtractor) => {
      const text = `outlet: Wire ${i % 3}\npublished: 2025-05-${String(10 + (i % 5)).padStart(2, '0')}\n\n` +
        `OSLO — Ruritania pledged to reopen road ${i}, an official said. However, Genovia pledged rail ${i}. Latveria accused Genovia of delaying shipment ${i}.`;
      const events = ingestEvents(articleFromInput({ text }), extractor);
      await write(store, events);
      return events[0].data.articleId;
    };
    const claimsOf = async (articleId: string) => [...(await loadExistingArticle(store, articleId)).state.claims.values()].filter((c) => !c.retracted).map((c) => c.claim);
    const analyst = async (articleId: string, decide: (state: Awaited<ReturnType<typeof loadExistingArticle>>['state']) => ArticleEvent) => {
      const { state, revision } = await loadExistingArticle(store, articleId);
      await store.append(`article-${articleId}`, toAppend([decide(state)], context, revision + 1n), revision);
    };
    const correct = (articleId: string, claimId: string, changes: ClaimCorrection) =>
      analyst(articleId, (state) => correctClaim(state, claimId, changes, 'analyst review', 'analyst:kim'));
    const retract = (articleId: string, claimId: string) => analyst(articleId, (state) => retractClaim(state, claimId, 'not in the text', 'analyst:kim'));
    const reextract = (extractor: ClaimExtractor, articleId: string | null = null) =>
      new ReextractArticlesHandler(store, extractor).execute(new ReextractArticlesCommand(articleId, context));

    // A changed extractor: the pledges credited to the party that opens the sentence and made to
    // the other (so v1's claims are superseded), topics from the words, and accusations besides.
    const revised: ClaimExtractor = {
      name: 'test-pledges',
      version: '2',
      extract: (article) => {
        const claims: ExtractedClaim[] = pledgeExtractor.extract(article).map((c) => {
          const actor = /(Ruritania|Genovia)/.exec(c.evidence.text)![1];
          const other = actor === 'Ruritania' ? 'Genovia' : 'Ruritania';
          const party = { party: actor.toLowerCase(), mention: actor };
          return {
            ...c, actors: [party], targets: [{ party: other.toLowerCase(), mention: other }], source: { ...c.source, ...party },
            topics: /road/.test(c.content) ? ['infrastructure'] : ['trade'],
          };
        });
        const accused = /Latveria accused Genovia[^.]*\./.exec(article.body);
        if (accused) {
          const evidence = { text: accused[0], start: accused.index, end: accused.index + accused[0].length };
          claims.push({
            type: 'AccusationLevelled', actors: [{ party: 'latveria', mention: 'Latveria' }], targets: [{ party: 'genovia', mention: 'Genovia' }],
            content: 'delaying a shipment', source: { party: 'latveria', mention: 'Latveria', cue: 'accused', via: null }, evidence,
            hedged: false, polarity: 'asserted', topics: ['trade'],
          });
        }
        return claims;
      },
    };

    const first: string[] = [];
    for (let i = 0; i < 8; i++) first.push(await ingest(i, pledgeExtractor));
    for (const [n, articleId] of first.slice(0, 4).entries()) {
      const [a, b] = await claimsOf(articleId);
      await correct(articleId, a.claimId, n % 2 ? { topics: ['military'], content: `reopen road, corrected ${n}` } : { actors: [{ party: 'genovia', mention: 'Genovia' }], polarity: 'denied' });
      if (n < 2) await retract(articleId, b.claimId);
    }
    expect(await reextract(revised)).toMatchObject({ articles: 8, changed: 8 });
    const later: string[] = [];
    for (let i = 8; i < 12; i++) later.push(await ingest(i, revised));
    for (const articleId of later.slice(0, 2)) {
      const [a, b, c] = await claimsOf(articleId);
      await correct(articleId, a.claimId, { targets: [{ party: 'latveria', mention: 'Latveria' }], topics: ['trade'] });
      await correct(articleId, a.claimId, { content: 'reopen the road by June' });
      await retract(articleId, c.claimId);
      expect(b).toBeDefined();
    }
    // Back to the first extractor for one article: its revised claims are superseded in turn.
    expect(await reextract(pledgeExtractor, later[3])).toMatchObject({ changed: 1 });

    const types = (await store.readAll()).map((e) => `${e.type}${e.type === 'ClaimRetracted' ? `:${(e.data as { recordedBy: string }).recordedBy.startsWith('analyst:') ? 'analyst' : 'extractor'}` : ''}`);
    for (const type of ['ArticleIngested', 'PledgeMade', 'AccusationLevelled', 'ClaimCorrected', 'ClaimRetracted:analyst', 'ClaimRetracted:extractor']) expect(types).toContain(type);

    const head = await store.headPosition();
    expect(await runner.waitFor(head)).toBe(true);
    const hashes = (r: ProjectionRunner) => r.names.map((name) => [name, stableHash(r.serialized(name))]);
    const live = hashes(runner);
    // The views are not trivial: the mix left conflicts and corrected, retracted and re-extracted claims.
    expect(runner.state<{ conflicts: Map<string, unknown> }>('conflicts').conflicts.size).toBeGreaterThan(0);

    await runner.rebuild();
    expect(hashes(runner)).toEqual(live);
    // A second instance catching up from position 0, and one restored from snapshots, agree too.
    const snapshots = new ViewSnapshots(join(dir, 'views.sqlite'));
    cleanup.push(async () => snapshots.close());
    const fresh = new ProjectionRunner(store, ALL_PROJECTIONS, snapshots, { snapshotEveryMs: 0 });
    void fresh.start();
    expect(await fresh.waitFor(head)).toBe(true);
    await fresh.stop();
    expect(hashes(fresh)).toEqual(live);
    const restored = new ProjectionRunner(store, ALL_PROJECTIONS, snapshots, { snapshotEveryMs: 0 });
    void restored.start();
    cleanup.unshift(() => restored.stop());
    expect(await restored.waitFor(head)).toBe(true);
    expect(restored.status().every((v) => v.processed === 0)).toBe(true);
    expect(hashes(restored)).toEqual(live);
  });
});
