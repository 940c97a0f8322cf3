import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../support/article-corpus.js';

const CLI = 'dist/cli/main.js';

describe('ingest CLI summary', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-cli-'));
    writeCorpus(join(dir, 'corpus'), 3);
    writeFileSync(join(dir, 'corpus', '9999-empty.txt'), '   \n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ingest = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'ingest', ...args], { env: { ...process.env, DATA_DIR: join(dir, 'data') }, encoding: 'utf8' });

  it('reports new, already present and failed files with reasons, and exits non-zero on a failure', () => {
    const first = ingest(join(dir, 'corpus'), '--json');
    expect(first.status).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ created: 3, existing: 0 });
    expect(summary.failed).toEqual([{ file: expect.stringContaining('9999-empty.txt'), reason: 'the article has no body text' }]);

    const again = ingest(join(dir, 'corpus', '0000.txt'), join(dir, 'corpus', '0001.txt'));
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^0 new, 2 already present, 0 failed/);
  });

  it('fails clearly on a path that does not exist', () => {
    const missing = ingest(join(dir, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^claimtrail: no such file or folder: .*nope/);
    expect(missing.stderr).not.toMatch(/ {4}at /);
  });
});
