import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { extractFiles } from './extract.js';

interface Prf { precision: number; recall: number; f1: number }
interface TypeRow { required: number; found: number; full: number; fp: number }
export interface ScoreReport {
  detection: Prf;
  full: Prf;
  fieldAccuracyOnMatches: { actors: number; targets: number; source: number };
  counts: Record<string, number>;
  byType: Record<string, TypeRow>;
  log: string[];
}
type ScoreFn = (gold: unknown, predicted: unknown, verbose?: boolean) => ScoreReport;

// The project's own copy of the shared scorer, loaded as is so that the logic stays identical.
const scorerUrl = new URL('../../../test/extraction/score.mjs', import.meta.url);
const loadScorer = async (): Promise<ScoreFn> => ((await import(scorerUrl.href)) as { score: ScoreFn }).score;

/** Extracts every .txt file of `dir` and scores the claims against the reference file `gold`. */
export const evaluate = async (gold: string, dir: string, verbose = false): Promise<ScoreReport> => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const predicted = { articles: extractFiles(files) };
  const score = await loadScorer();
  return score(JSON.parse(readFileSync(gold, 'utf8')), predicted, verbose);
};

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

export const formatReport = (r: ScoreReport): string => {
  const lines = [
    `detection  F1 ${pct(r.detection.f1)}  P ${pct(r.detection.precision)}  R ${pct(r.detection.recall)}`,
    `full       F1 ${pct(r.full.f1)}  P ${pct(r.full.precision)}  R ${pct(r.full.recall)}`,
    `fields on matches: actors ${pct(r.fieldAccuracyOnMatches.actors)}  targets ${pct(r.fieldAccuracyOnMatches.targets)}  source ${pct(r.fieldAccuracyOnMatches.source)}`,
    '',
    `${'type'.padEnd(20)} required  found  full  extra`,
  ];
  for (const [type, row] of Object.entries(r.byType).sort()) {
    lines.push(`${type.padEnd(20)} ${String(row.required).padStart(8)} ${String(row.found).padStart(6)} ${String(row.full).padStart(5)} ${String(row.fp).padStart(6)}`);
  }
  return lines.join('\n');
};

export const registerEvalCommand = (program: Command): void => {
  program
    .command('eval')
    .description('extract a directory of articles and score the claims against reference claims')
    .option('--gold <file>', 'reference claims', 'test/extraction/seeds-gold.json')
    .option('--dir <dir>', 'directory of article .txt files', 'seeds')
    .option('--verbose', 'list misses, partial matches and extra claims')
    .action(async (opts: { gold: string; dir: string; verbose?: boolean }) => {
      const report = await evaluate(opts.gold, opts.dir, !!opts.verbose);
      if (opts.verbose) for (const line of report.log) console.log(line);
      console.log(formatReport(report));
    });
};
