import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { newCommandContext } from '../../domain/events/index.js';
import { IngestArticleCommand, type IngestResult } from './ingest-article.command.js';
import type { ArticleInput } from './ingest-article.js';

export interface IngestSummary {
  created: number;
  existing: number;
  failed: Array<{ file: string; reason: string }>;
  results: Array<{ file: string } & IngestResult>;
}

interface Commands {
  execute(command: IngestArticleCommand): Promise<IngestResult>;
}

const ARTICLE_FILE = /\.(txt|text|md|html?)$/i;
const WEB_PAGE = /\.html?$/i;

/** A saved web page is read as HTML, anything else as wire-copy text. */
const inputOf = (file: string, content: string): ArticleInput => (WEB_PAGE.test(file) ? { html: content } : { text: content });

/** Files named directly are taken as they are; folders contribute their article files, sorted. */
export const articleFiles = async (paths: string[]): Promise<string[]> => {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => ARTICLE_FILE.test(n) && !n.startsWith('.')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return files;
};

/** Articles whose commands are in flight at once: their appends share one commit (see GroupCommit). */
const WINDOW = 32;

/**
 * Each file is one command and one atomic append, and ingestion is idempotent, so a run killed
 * half-way is finished by running it again: done articles are found, the rest are written.
 * Files go in windows whose commands run together, so the store can commit their appends at once
 * instead of paying one fsync per article; results and progress stay in file order.
 */
export const ingestFiles = async (
  commands: Commands,
  paths: string[],
  onFile: (file: string, outcome: 'created' | 'existing' | 'failed') => void = () => {},
): Promise<IngestSummary> => {
  const summary: IngestSummary = { created: 0, existing: 0, failed: [], results: [] };
  const context = newCommandContext();
  const files = await articleFiles(paths);
  for (let start = 0; start < files.length; start += WINDOW) {
    const window = files.slice(start, start + WINDOW);
    // Read first, then dispatch every command in one turn, so all their appends meet in one commit.
    const texts = await Promise.allSettled(window.map((file) => readFile(file, 'utf8')));
    const outcomes = await Promise.allSettled(
      texts.map((text, i) =>
        text.status === 'rejected' ? Promise.reject(text.reason)
        : Promise.resolve().then(() => commands.execute(new IngestArticleCommand(inputOf(window[i], text.value), { ...newCommandContext(context.correlationId) })))),
    );
    outcomes.forEach((outcome, i) => {
      const file = window[i];
      if (outcome.status === 'fulfilled') {
        const result = outcome.value;
        summary.results.push({ file: basename(file), ...result });
        summary[result.created ? 'created' : 'existing']++;
        onFile(file, result.created ? 'created' : 'existing');
      } else {
        summary.failed.push({ file, reason: (outcome.reason as Error).message });
        onFile(file, 'failed');
      }
    });
  }
  return summary;
};
