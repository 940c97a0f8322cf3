import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { articleStream } from '../../src/domain/ids.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { writeCorpus } from '../support/article-corpus.js';

// Runs the built CLI (npm test builds first) as a real child process, so SIGKILL is a real crash.
const CLI = 'dist/cli/main.js';

const runIngest = (dataDir: string, corpus: string, killAfterMs?: number) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', corpus], { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout });
    });
  });

describe('ingest CLI killed mid-run', () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    if (spawnSync(process.execPath, [CLI, '--help']).status !== 0) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-crash-'));
    files = writeCorpus(join(dir, 'corpus'), 300);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves every article complete exactly once after reruns', async () => {
    const dataDir = join(dir, 'data');
    // Deterministic kill times spread over start-up and the ingest loop itself.
    let killedMidRun = 0;
    for (const ms of [250, 700, 1100, 1600]) {
      const run = await runIngest(dataDir, join(dir, 'corpus'), ms);
      if (run.signal === 'SIGKILL') killedMidRun++;
    }
    expect(killedMidRun).toBeGreaterThan(0);
    const final = await runIngest(dataDir, join(dir, 'corpus'));
    expect(final.code).toBe(0);
    expect(final.stdout).toMatch(/\d+ new, \d+ already present, 0 failed/);

    const store = new SqliteEventStore(join(dataDir, 'claimtrail.sqlite'));
    try {
      const all = await store.readAll();
      const extractor = defaultExtractor();
      const streams = new Set(all.map((e) => e.streamName));
      expect(streams.size).toBe(files.length);
      let expectedTotal = 0;
      for (const file of files) {
        const expected = ingestEvents(articleFromInput({ text: readFileSync(file, 'utf8') }), extractor);
        const stream = await store.readStream(articleStream(expected[0].data.articleId));
        expect(stream.map((e) => e.type)).toEqual(expected.map((e) => e.type));
        expect(stream.map((e) => e.data)).toEqual(expected.map((e) => e.data));
        expectedTotal += expected.length;
      }
      expect(all).toHaveLength(expectedTotal);
    } finally {
      await store.close();
    }
  }, 120_000);
});
