import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { newCommandContext } from '../../domain/events/index.js';
import { EXPORT_FILE, exportRecords } from './export-records.js';
import { IngestArticleCommand, type IngestResult } from './ingest-article.command.js';
import type { ArticleInput } from './ingest-article.js';

export interface IngestSummary {
  created: number;
  existing: number;
  /** `file` names the file, and for an export the record in it ("export.jsonl:3"). */
  failed: Array<{ file: string; reason: string }>;
  results: Array<{ file: string } & IngestResult>;
}

interface Commands {
  execute(command: IngestArticleCommand): Promise<IngestResult>;
}

const ARTICLE_FILE = /\.(txt|text|md|html?|jsonl|ndjson|json)$/i;
const WEB_PAGE = /\.html?$/i;

/** An http(s) address among the paths: the page is fetched, as POST /articles {url} does. */
const WEB_ADDRESS = /^https?:\/\//i;

/** Files named directly are taken as they are; folders contribute their article files, sorted; URLs pass through. */
export const articleFiles = async (paths: string[]): Promise<string[]> => {
  const files: string[] = [];
  for (const path of paths) {
    if (WEB_ADDRESS.test(path)) {
      files.push(path);
      continue;
    }
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

/** One article to ingest: a file read when its window comes, or a record of an export read up front. */
interface Item {
  label: string;
  file: string;
  record?: { input?: ArticleInput; problem?: string };
}

/** A saved web page is read as HTML, anything else as wire-copy text. */
const inputOf = (file: string, content: string): ArticleInput => (WEB_PAGE.test(file) ? { html: content } : { text: content });

const itemsOf = async (files: string[]): Promise<Item[]> => {
  const items: Item[] = [];
  for (const file of files) {
    if (WEB_ADDRESS.test(file)) {
      items.push({ label: file, file, record: { input: { url: file } } });
      continue;
    }
    if (!EXPORT_FILE.test(file)) {
      items.push({ label: file, file });
      continue;
    }
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      items.push({ label: file, file, record: { problem: (error as Error).message } });
      continue;
    }
    for (const record of exportRecords(file, content)) {
      const at = record.where.replace(/^(line|item) /, '');
      items.push({ label: record.where === 'file' ? file : `${file}:${at}`, file, record });
    }
  }
  return items;
};

/** Articles whose commands are in flight at once: their appends share one commit (see GroupCommit). */
const WINDOW = 32;

/**
 * Each article is one command and one atomic append, and ingestion is idempotent, so a run killed
 * half-way is finished by running it again: done articles are found, the rest are written.
 * Articles go in windows whose commands run together, so the store can commit their appends at once
 * instead of paying one fsync per article; results and progress stay in file (and record) order.
 * A bad record of an export is reported with where it is; the others still go in.
 */
export const ingestFiles = async (
  commands: Commands,
  paths: string[],
  onFile: (file: string, outcome: 'created' | 'existing' | 'failed') => void = () => {},
  onTotal: (articles: number) => void = () => {},
  /** `force`: re-instate withdrawn articles instead of refusing them (409). */
  { force = false }: { force?: boolean } = {},
): Promise<IngestSummary> => {
  const summary: IngestSummary = { created: 0, existing: 0, failed: [], results: [] };
  const context = newCommandContext();
  const items = await itemsOf(await articleFiles(paths));
  onTotal(items.length);
  const dispatch = (item: Item, input: ArticleInput) =>
    commands.execute(new IngestArticleCommand(input, { ...newCommandContext(context.correlationId) }, force));
  for (let start = 0; start < items.length; start += WINDOW) {
    const window = items.slice(start, start + WINDOW);
    // Read first, then dispatch every command in one turn, so all their appends meet in one commit.
    const inputs = await Promise.allSettled(
      window.map(async (item) => {
        if (!item.record) return inputOf(item.file, await readFile(item.file, 'utf8'));
        if (item.record.problem) throw new Error(item.record.problem);
        return item.record.input!;
      }),
    );
    const outcomes = await Promise.allSettled(
      inputs.map((input, i) =>
        input.status === 'rejected' ? Promise.reject(input.reason as Error) : Promise.resolve().then(() => dispatch(window[i], input.value)),
      ),
    );
    outcomes.forEach((outcome, i) => {
      const { label } = window[i];
      if (outcome.status === 'fulfilled') {
        const result = outcome.value;
        summary.results.push({ file: WEB_ADDRESS.test(label) ? label : basename(label), ...result });
        summary[result.created ? 'created' : 'existing']++;
        onFile(label, result.created ? 'created' : 'existing');
      } else {
        summary.failed.push({ file: label, reason: (outcome.reason as Error).message });
        onFile(label, 'failed');
      }
    });
  }
  return summary;
};
