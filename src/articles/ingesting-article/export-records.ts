// News-API exports: a JSON Lines file (one article per line) or a JSON array (or `{ articles: [...] }`,
// as news APIs answer). Each record is checked by the same DTO as POST /articles, so a bad record
// is refused for the same reasons with the same words, and the rest of the file still goes in.
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IngestArticleDto } from './ingest-article.dto.js';
import type { ArticleInput } from './ingest-article.js';

export const EXPORT_FILE = /\.(jsonl|ndjson|json)$/i;
const JSON_LINES = /\.(jsonl|ndjson)$/i;

/** The fields an export record may give; others (author, description, source...) are the export's own and are left out. */
const FIELDS = ['text', 'html', 'title', 'url', 'outlet', 'publishedAt'] as const;

export interface ExportRecord {
  /** "line 3" in a JSON Lines file, "item 3" in an array: where a person finds it. */
  where: string;
  input?: ArticleInput;
  problem?: string;
}

const checked = (value: unknown): { input?: ArticleInput; problem?: string } => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: 'not a JSON object' };
  const picked: Record<string, unknown> = {};
  for (const field of FIELDS) if ((value as Record<string, unknown>)[field] != null) picked[field] = (value as Record<string, unknown>)[field];
  const errors = validateSync(plainToInstance(IngestArticleDto, picked), { validationError: { target: false, value: false } });
  if (errors.length) return { problem: errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ') };
  return { input: picked };
};

const parseJson = (text: string): { value?: unknown; problem?: string } => {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
};

export const exportRecords = (fileName: string, content: string): ExportRecord[] => {
  const text = content.replace(/^\uFEFF/, '');
  if (JSON_LINES.test(fileName)) {
    return text.split(/\r?\n/).flatMap((line, i) => {
      if (line.trim() === '') return [];
      const parsed = parseJson(line);
      return [{ where: `line ${i + 1}`, ...(parsed.problem ? { problem: parsed.problem } : checked(parsed.value)) }];
    });
  }
  const parsed = parseJson(text);
  if (parsed.problem) return [{ where: 'file', problem: parsed.problem }];
  const list = Array.isArray(parsed.value) ? parsed.value : (parsed.value as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(list)) return [{ where: 'file', problem: 'neither a JSON array of articles nor an object with an `articles` array' }];
  return list.map((item, i) => ({ where: `item ${i + 1}`, ...checked(item) }));
};
