import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestArticleCommand, IngestResult } from '../../src/articles/ingesting-article/ingest-article.command.js';
import { ingestFiles } from '../../src/articles/ingesting-article/ingest-files.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrail-ingest-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestFiles', () => {
  it('dispatches a window of files in one turn (so their appends can share a commit) and reports in file order', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}.txt`);
    names.forEach((n, i) => writeFileSync(join(dir, n), i === 5 ? 'FAIL' : `article ${i}`));
    const turns: number[] = [];
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const commands = {
      execute: async ({ input }: IngestArticleCommand): Promise<IngestResult> => {
        turns.push(turn);
        // Later files finish first: the summary must still follow the files.
        await new Promise((r) => setTimeout(r, 40 - Number(input.text!.split(' ')[1] ?? 0)));
        if (input.text === 'FAIL') throw new Error('bad article');
        return { articleId: input.text!, stream: `article-${input.text}`, revision: 0n, position: 0n, created: true, claims: 0 };
      },
    };
    const seen: string[] = [];
    const summary = await ingestFiles(commands, [dir], (file) => seen.push(file));
    ticking = false;

    // 32 files in the first window, 8 in the second: each window began within one turn.
    expect(new Set(turns.slice(0, 32)).size).toBe(1);
    expect(new Set(turns.slice(32)).size).toBe(1);
    expect(turns[32]).toBeGreaterThan(turns[0]);
    expect(summary.created).toBe(39);
    expect(summary.failed).toEqual([{ file: join(dir, '05.txt'), reason: 'bad article' }]);
    expect(summary.results.map((r) => r.file)).toEqual(names.filter((n) => n !== '05.txt'));
    expect(seen).toEqual(names.map((n) => join(dir, n)));
  });
});
