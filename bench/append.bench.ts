// Append: claim events in articles of ~10 events through the SQLite adapter, against raw
// better-sqlite3 inserts of the same rows in one transaction per article (the floor), and
// against Emmett's SQLite event store (what a TypeScript user would pick instead).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { articleFromInput, ingestEvents } from '../src/articles/ingesting-article/ingest-article.js';
import type { ClaimExtractor, ExtractedClaim } from '../src/domain/claim-extractor.js';
import { newCommandContext, toAppend } from '../src/domain/events/index.js';
import { articleStream } from '../src/domain/ids.js';
import { NO_STREAM, type EventToAppend } from '../src/event-store/event-store.js';
import { configure } from '../src/event-store/sqlite/schema.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { generateCorpus } from './corpus.js';
import { loadEmmettSqlite } from './emmett-baseline.js';
import { meanMs, ratio, report } from './results.js';

/** Nine claims per article, shaped like real ones, so every append is ~10 events. */
const nineClaims: ClaimExtractor = {
  name: 'bench', version: '1',
  extract: ({ body }) => {
    const claims: ExtractedClaim[] = [];
    const sentence = /[^.]+\./g;
    for (let m = sentence.exec(body); m && claims.length < 9; m = sentence.exec(body)) {
      const text = m[0].trim();
      const start = m.index + m[0].indexOf(text);
      claims.push({
        type: (['InvitationExtended', 'PledgeMade', 'AccusationLevelled', 'ConcernRaised'] as const)[claims.length % 4],
        actors: [{ party: 'ukraine', mention: 'Ukrainian Foreign Minister' }], targets: [{ party: 'russia', mention: 'Russia' }],
        content: text.slice(0, 80), source: { party: 'ukraine', mention: 'the foreign ministry', cue: 'said in a statement', via: null },
        evidence: { text, start, end: start + text.length }, hedged: false, polarity: 'asserted', topics: ['security', 'diplomacy'],
      });
    }
    return claims;
  },
};

export const appendBench = async (events = 100_000, iterations = 2) => {
  const baseline = await loadEmmettSqlite();
  const articles = generateCorpus(Math.ceil(events / 10), 7, 12);
  const batches: Array<{ stream: string; events: EventToAppend[] }> = articles.map((a) => {
    const domain = ingestEvents(articleFromInput({ text: a.text }), nineClaims);
    return { stream: articleStream(domain[0].data.articleId), events: toAppend(domain, newCommandContext(), 0n) };
  });
  const total = batches.reduce((n, b) => n + b.events.length, 0);
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-append-'));
  let run = 0;
  const file = () => join(dir, `run-${++run}.sqlite`);

  const bench = new Bench({ iterations, time: 0, warmup: false });
  let path = '';
  bench.add('raw better-sqlite3 (floor)', () => {
    const db = new Database(path);
    configure(db);
    const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const rows = batches.map((b) => b.events.map((e, i) => [b.stream, i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), Date.now()]));
    const perArticle = db.transaction((articleRows: unknown[][]) => {
      for (const r of articleRows) insert.run(...r);
    });
    for (const articleRows of rows) perArticle.immediate(articleRows);
    db.close();
  }, { beforeEach: () => { path = file(); } });
  bench.add('claimtrail SqliteEventStore', async () => {
    const store = new SqliteEventStore(path);
    for (const b of batches) await store.append(b.stream, b.events, NO_STREAM);
    await store.close();
  }, { beforeEach: () => { path = file(); } });
  bench.add('Emmett SQLite event store 0.38.5', async () => {
    const store = baseline.getSQLiteEventStore({ fileName: path, schema: { autoMigration: 'CreateOrUpdate' } });
    for (const b of batches) {
      await store.appendToStream(b.stream, b.events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata as Record<string, unknown> })));
    }
  }, { beforeEach: () => { path = file(); } });

  await bench.run();
  rmSync(dir, { recursive: true, force: true });
  const perSecond = (name: string) => (total * 1000) / meanMs(bench, name);
  const raw = perSecond('raw better-sqlite3 (floor)');
  const ours = perSecond('claimtrail SqliteEventStore');
  // The baseline library failing (it has thrown SQLITE_BUSY on commit in long runs) must not hide our figures.
  let emmett = Number.NaN;
  try {
    emmett = perSecond('Emmett SQLite event store 0.38.5');
  } catch (error) {
    console.error(`Emmett's store failed in this run: ${(error as Error).message}`);
  }
  report({
    bench: 'append',
    params: { events: total, articles: batches.length, iterations, synchronous: 'FULL', journal: 'WAL' },
    figures: [
      { name: 'raw better-sqlite3, one transaction per article', value: raw, unit: 'events/s' },
      { name: 'claimtrail SqliteEventStore.append', value: ours, unit: 'events/s' },
      { name: 'Emmett SQLite appendToStream', value: emmett, unit: 'events/s' },
    ],
    ratios: [ratio('claimtrail / raw', ours / raw, 0.8), ratio('claimtrail / Emmett', ours / emmett)],
  });
};
