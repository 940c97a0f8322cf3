// `withdraw` and `ingest --force` from the command line: the same commands as DELETE /articles/:id
// and POST /articles {force}, on a data folder of its own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromInput } from '../../src/articles/ingesting-article/ingest-article.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

const CLI = 'dist/cli/main.js';
const TEXT = 'OSLO — Freedonia pledged to release the detainees by Friday, its foreign ministry said.';
const RECORD = { text: 'Genovia pledged to reopen its embassy in the capital next month, its ministry said.', outlet: 'Wire' };

describe('withdraw CLI', () => {
  let dir: string;
  const ids = [articleFromInput({ text: TEXT }).articleId, articleFromInput(RECORD).articleId];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-withdraw-'));
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, 'news', 'a.txt'), TEXT);
    writeFileSync(join(dir, 'news', 'b.jsonl'), `${JSON.stringify(RECORD)}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, DATA_DIR: join(dir, 'data') }, encoding: 'utf8' });
  const eventTypes = async (articleId: string) => {
    const store = new SqliteEventStore(join(dir, 'data', 'claimtrail.sqlite'));
    try {
      return (await store.readStream(`article-${articleId}`)).map((e) => e.type);
    } finally {
      await store.close();
    }
  };

  it('withdraws ingested articles; the text file and the export record are then refused naming the withdrawal, and taken with --force', async () => {
    expect(JSON.parse(cli('ingest', join(dir, 'news'), '--json').stdout)).toMatchObject({ created: 2, failed: [] });
    for (const id of ids) {
      const run = cli('withdraw', id, '--reason', 'a hoax, says the outlet', '--analyst', 'kim');
      expect([run.status, run.stdout.trim()]).toEqual([0, `withdrawn: ${id} (article-${id} at revision 2)`]);
    }
    expect(await eventTypes(ids[0])).toEqual(['ArticleIngested', 'PledgeMade', 'ArticleWithdrawn']);

    const refused = cli('ingest', join(dir, 'news'), '--json');
    expect(refused.status).toBe(1);
    const summary = JSON.parse(refused.stdout);
    expect(summary).toMatchObject({ created: 0, existing: 0 });
    expect(summary.failed).toEqual([
      {
        file: expect.stringMatching(/a\.txt$/),
        reason: expect.stringMatching(/was withdrawn at \d{4}-.* by analyst:kim \(reason: a hoax, says the outlet\).*--force/),
      },
      { file: expect.stringMatching(/b\.jsonl:1$/), reason: expect.stringMatching(/was withdrawn at .*a hoax/) },
    ]);

    expect(JSON.parse(cli('ingest', join(dir, 'news'), '--json', '--force').stdout)).toMatchObject({ created: 2, failed: [] });
    expect(await eventTypes(ids[0])).toEqual(['ArticleIngested', 'PledgeMade', 'ArticleWithdrawn', 'ArticleIngested', 'PledgeMade']);
    // Live again: --force on a live article writes nothing.
    expect(JSON.parse(cli('ingest', join(dir, 'news'), '--json', '--force').stdout)).toMatchObject({ created: 0, existing: 2 });
  });

  it('says what is wrong without a stack trace: no reason, an unknown article, a second withdrawal', () => {
    const noReason = cli('withdraw', ids[0]);
    expect(noReason.status).not.toBe(0);
    expect(noReason.stderr).toMatch(/required option '--reason <text>' not specified/);
    const unknown = cli('withdraw', '0'.repeat(20), '--reason', 'x');
    expect([unknown.status, unknown.stderr.trim()]).toEqual([2, `claimtrail: article ${'0'.repeat(20)} not found`]);
    expect(cli('withdraw', ids[1], '--reason', 'first').status).toBe(0);
    const twice = cli('withdraw', ids[1], '--reason', 'second');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/^claimtrail: article .* was withdrawn at .*\(reason: first\); it cannot be withdrawn twice/);
    expect(twice.stderr).not.toMatch(/ {4}at /);
  });
});
