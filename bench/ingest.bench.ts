// Ingest end to end: articles per second through what `ingest` runs (read the file, parse,
// extract, append through the command bus, then project into every view), against extraction
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
import type { ProjectionRunner } from '../src/projections/projection-runner.js';
import { PROJECTION_RUNNER } from '../src/projections/projections.tokens.js';
import { generateCorpus } from './corpus.js';
import type { BenchOptions } from './main.js';
import { meanMs, ratio, report } from './results.js';

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
  const bench = new Bench({ iterations: 2, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0 });
  bench.add('extraction alone (baseline)', () => {
    for (const a of corpus) {
      const article = articleFromInput({ text: a.text });
      extractor.extract({ body: article.body, title: article.title, dateline: article.dateline });
    }
  });
  bench.add('ingest: file, parse, extract, append, project', async () => {
    const result = await ingestFiles(app!.get(CommandBus), [files]);
    const head = await app!.get<EventStore>(EVENT_STORE).headPosition();
    if (!(await app!.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, 600_000))) throw new Error('the views never caught up');
    summary = { created: result.created, failed: result.failed.length, events: head + 1n };
  }, {
    // A fresh store and fresh views for every run; starting the app is not part of the figure.
    beforeEach: async () => {
      const config = { ...loadConfig({}), dataDir: join(root, `run-${++run}`), seedOnStart: false };
      app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, extractor, readSide: true }), { logger: ['error'], abortOnError: false });
      await app.init();
    },
    afterEach: async () => {
      await app?.close();
      app = null;
    },
  });
  await bench.run();
  rmSync(root, { recursive: true, force: true });
  if (summary.created !== count || summary.failed) throw new Error(`ingest wrote ${summary.created} of ${count} articles, ${summary.failed} failed`);

  const alone = (count * 1000) / meanMs(bench, 'extraction alone (baseline)');
  const ingest = (count * 1000) / meanMs(bench, 'ingest: file, parse, extract, append, project');
  report({
    bench: 'ingest',
    params: { articles: count, events: Number(summary.events), seed, synchronous: 'FULL', views: 'all six, live' },
    figures: [
      { name: 'extraction alone (baseline)', value: alone, unit: 'articles/s' },
      { name: 'ingest end to end', value: ingest, unit: 'articles/s' },
    ],
    ratios: [ratio('ingest / extraction alone', ingest / alone, 0.7)],
  });
};
