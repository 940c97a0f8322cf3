import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { newCommandContext } from '../../domain/events/index.js';
import { IngestArticleCommand, type IngestResult } from './ingest-article.command.js';

export interface IngestSummary {
  created: number;
  existing: number;
  failed: Array<{ file: string; reason: string }>;
  results: Array<{ file: string } & IngestResult>;
}

interface Commands {
  execute(command: IngestArticleCommand): Promise<IngestResult>;
}

const ARTICLE_FILE = /\.(txt|text|md)$/i;

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

/**
 * Each file is one command and one atomic append, and ingestion is idempotent, so a run killed
 * half-way is finished by running it again: done articles are found, the rest are written.
 */
export const ingestFiles = async (
  commands: Commands,
  paths: string[],
  onFile: (file: string, outcome: 'created' | 'existing' | 'failed') => void = () => {},
): Promise<IngestSummary> => {
  const summary: IngestSummary = { created: 0, existing: 0, failed: [], results: [] };
  const context = newCommandContext();
  for (const file of await articleFiles(paths)) {
    try {
      const text = await readFile(file, 'utf8');
      const result = await commands.execute(new IngestArticleCommand({ text }, { ...newCommandContext(context.correlationId) }));
      summary.results.push({ file: basename(file), ...result });
      summary[result.created ? 'created' : 'existing']++;
      onFile(file, result.created ? 'created' : 'existing');
    } catch (error) {
      summary.failed.push({ file, reason: (error as Error).message });
      onFile(file, 'failed');
    }
  }
  return summary;
};
