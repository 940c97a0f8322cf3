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

// Real OS processes (the built CLI) writing one SQLite file at once: the lock is SQLite's, not ours.
const CLI = 'dist/cli/main.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ingest = (dataDir: string, files: string[]) =>
  new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', '--json', ...files], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

describe('several ingest processes into one SQLite file at once', () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    if (spawnSync(process.execPath, [CLI, '--help']).status !== 0) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-concurrency-'));
    files = writeCorpus(join(dir, 'corpus'), 100);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses and duplicates nothing, and no raw SQLITE_BUSY reaches anyone', async () => {
    const dataDir = join(dir, 'data');
    // Overlapping shares, in different orders, so processes race on the same articles and on the write lock.
    const shares = [files.slice(0, 60), files.slice(20, 80).reverse(), files.slice(40), [...files].reverse()];
    const runs = await Promise.all(shares.map((share) => ingest(dataDir, share)));

    for (const run of runs) {
      expect(run.stderr).not.toMatch(/SQLITE_|database is locked|busy/i);
      expect(run.code).toBe(0);
    }
    const summaries = runs.map((r) => JSON.parse(r.stdout) as { created: number; existing: number; failed: unknown[] });
    for (const [i, s] of summaries.entries()) {
      expect(s.failed).toEqual([]);
      expect(s.created + s.existing).toBe(shares[i].length);
    }
    // Each article was created by exactly one process; everyone else found it.
    expect(summaries.reduce((n, s) => n + s.created, 0)).toBe(files.length);

    const store = new SqliteEventStore(join(dataDir, 'claimtrail.sqlite'));
    try {
      const all = await store.readAll();
      const extractor = defaultExtractor();
      expect(new Set(all.map((e) => e.streamName)).size).toBe(files.length);
      let expectedTotal = 0;
      for (const file of files) {
        const expected = ingestEvents(articleFromInput({ text: readFileSync(file, 'utf8') }), extractor);
        const stream = await store.readStream(articleStream(expected[0].data.articleId));
        expect(stream.map((e) => e.data)).toEqual(expected.map((e) => e.data));
        expectedTotal += expected.length;
      }
      expect(all).toHaveLength(expectedTotal);
      // Global positions are gap-free and unique: no half-written append left a hole.
      expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i + 1)));
    } finally {
      await store.close();
    }
  }, 120_000);
});
