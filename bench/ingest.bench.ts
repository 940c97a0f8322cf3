// Ingest end to end: articles per second through what `ingest` runs (read the file, parse,
// extract, append through the command bus, then project into every read model), against extraction
// alone on the same articles.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { AppModule } from '../src/app/app.module.js';
import { loadConfig } from '../src/app/config.js';
import { articleFromInput } from '../src/articles/ingesting-article/ingest-article.js';
import { ingestFiles } from '../src/articles/ingesting-article/ingest-files.js';
import { EVENT_STORE, type EventStore } from '../src/event-store/event-store.js';
import { defaultExtractor } from '../src/extraction/default-extractor.js';
import type { StoredProjectionRunner } from '../src/projections/stored-projection-runner.js';
import { PROJECTION_RUNNER } from '../src/projections/projections.tokens.js';
import { generateCorpus } from './corpus.js';
import type { BenchOptions } from './main.js';
import { meanMs, ratio, report } from './results.js';

const WITH_VIEWS = 'ingest: file, parse, extract, append, project';
const WITHOUT_VIEWS = 'ingest: file, parse, extract, append';

export const ingestBench = async ({ articles: count, seed }: Pick<BenchOptions, 'articles' | 'seed'>) => {
  const corpus = generateCorpus(count, seed);
  const root = mkdtempSync(join(tmpdir(), 'claimtrail-bench-ingest-'));
  const files = join(root, 'articles');
  mkdirSync(files);
  corpus.forEach((a, i) => writeFileSync(join(files, `${String(i).padStart(6, '0')}.txt`), a.text));
  const extractor = defaultExtractor();

  let app: INestApplicationContext | null = null;
  let run = 0;
  let summary = { created: 0, failed: 0, events: 0n };
  // Warm the model and the JIT once; tinybench's own warmup would repeat the slow ingest runs.
  for (const a of corpus.slice(0, 50)) extractor.extract({ body: articleFromInput({ text: a.text }).body });
  const bench = new Bench({ iterations: 2, time: 0, warmup: false });
  bench.add('extraction alone (baseline)', () => {
    for (const a of corpus) {
      const article = articleFromInput({ text: a.text });
      extractor.extract({ body: article.body, title: article.title, dateline: article.dateline });
    }
  });
  // With the read models (what the service does: every write is projected live and snapshotted every
  // second) and without (what the `ingest` command does: the service projects when it next starts).
  for (const readSide of [true, false]) {
    bench.add(readSide ? WITH_VIEWS : WITHOUT_VIEWS, async () => {
      const result = await ingestFiles(app!.get(CommandBus), [files]);
      const head = await app!.get<EventStore>(EVENT_STORE).headPosition();
      if (readSide && !(await app!.get<StoredProjectionRunner>(PROJECTION_RUNNER).waitFor(head, 3_600_000))) throw new Error('the read models never caught up');
      summary = { created: result.created, failed: result.failed.length, events: head + 1n };
      if (summary.created !== count || summary.failed) throw new Error(`ingest wrote ${summary.created} of ${count} articles, ${summary.failed} failed`);
    }, {
      // A fresh store (and fresh read models) for every run; starting the app is not part of the figure.
      beforeEach: async () => {
        // READ_MODEL_WRITES=thread measures the read models written in the event loop's thread (the default is their worker).
        const config = { ...loadConfig({ READ_MODEL_WRITES: process.env.READ_MODEL_WRITES }), dataDir: join(root, `run-${++run}`), seedOnStart: false };
        app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, extractor, readSide }), { logger: ['error'], abortOnError: false });
        await app.init();
      },
      afterEach: async () => {
        await app?.close();
        app = null;
      },
    });
  }
  await bench.run();
  rmSync(root, { recursive: true, force: true });

  const alone = (count * 1000) / meanMs(bench, 'extraction alone (baseline)');
  const ingest = (count * 1000) / meanMs(bench, WITH_VIEWS);
  const withoutViews = (count * 1000) / meanMs(bench, WITHOUT_VIEWS);
  report({
    bench: 'ingest',
    params: { articles: count, events: Number(summary.events), seed, synchronous: 'FULL', views: 'all seven, live, in one run; none in the other', readModelWrites: process.env.READ_MODEL_WRITES || 'worker' },
    figures: [
      { name: 'extraction alone (baseline)', value: alone, unit: 'articles/s' },
      { name: 'ingest end to end, read models projected live', value: ingest, unit: 'articles/s' },
      { name: 'ingest without read models (the ingest command)', value: withoutViews, unit: 'articles/s' },
    ],
    ratios: [
      ratio('ingest with read models / extraction alone', ingest / alone, 0.7),
      ratio('ingest without read models / extraction alone', withoutViews / alone),
    ],
  });
};
