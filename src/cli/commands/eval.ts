// The eval command: extract folders of articles, score them against reference files and print
// where the extractor goes wrong. The scoring and classifying live in src/evaluation/; this file
// reads files, runs the extractor and prints.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { parseArticleFile } from '../../domain/article-file.js';
import { analyze } from '../../extraction/nlp.js';
import { formatDelta, formatErrorItems, formatReport, formatSetTable } from '../../evaluation/format.js';
import { compareHeadlines, headline } from '../../evaluation/headline.js';
import { buildReport, type EvalReport } from '../../evaluation/report.js';
import { loadScorer } from '../../evaluation/scorer.js';
import { parseSetSpec, type EvalSet } from '../../evaluation/set-spec.js';
import type { ArticleText, GoldDoc, PredictedArticle } from '../../evaluation/types.js';
import { extractFiles } from './extract.js';

export type { ScoreReport } from '../../evaluation/scorer.js';
export type { EvalReport } from '../../evaluation/report.js';
export { formatReport } from '../../evaluation/format.js';

/** The body the extractor reads, and its sentence split, worked out only when a miss asks for it. */
const articleText = (path: string): ArticleText => {
  const body = parseArticleFile(readFileSync(path, 'utf8')).body;
  let sentences: string[] | undefined;
  return { body, sentences: () => (sentences ??= analyze(body).sentences.map((s) => s.text)) };
};

/** Extracts every .txt file of `dir` and scores the claims against the reference file `gold`. */
export const evaluate = async (gold: string, dir: string, verbose = false): Promise<EvalReport> => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const predicted: PredictedArticle[] = extractFiles(files);
  const texts = new Map(files.map((f) => [basename(f), f]));
  const textOf = (file: string): ArticleText | undefined => (texts.has(file) ? articleText(texts.get(file)!) : undefined);
  const goldDoc = JSON.parse(readFileSync(gold, 'utf8')) as GoldDoc;
  return buildReport(await loadScorer(), goldDoc, predicted, textOf, verbose);
};

interface SetResult extends EvalSet { report: EvalReport }
interface EvalOptions { gold: string; dir: string; set?: string[]; verbose?: boolean; json?: boolean; compare?: string }

/** --set entries, plus --gold/--dir when given explicitly or when there is no --set. */
const setsOf = (opts: EvalOptions, command: Command): EvalSet[] => {
  const sets = (opts.set ?? []).map(parseSetSpec);
  const explicit = command.getOptionValueSource('gold') === 'cli' || command.getOptionValueSource('dir') === 'cli';
  if (sets.length === 0 || explicit) sets.unshift({ name: basename(opts.dir), gold: opts.gold, dir: opts.dir });
  return sets;
};

/** The earlier run's set of the same name, else the one scored on the same gold file and folder. */
const earlierSet = (earlier: SetResult[], now: SetResult): SetResult | undefined =>
  earlier.find((s) => s.name === now.name) ?? earlier.find((s) => s.gold === now.gold && s.dir === now.dir);

const comparisons = (results: SetResult[], comparePath: string) => {
  const earlier = (JSON.parse(readFileSync(comparePath, 'utf8')) as { sets: SetResult[] }).sets;
  return results.flatMap((now) => {
    const before = earlierSet(earlier, now);
    return before ? [{ name: now.name, delta: compareHeadlines(headline(now.report), headline(before.report)) }] : [];
  });
};

const printText = (results: SetResult[], opts: EvalOptions): void => {
  const several = results.length > 1;
  if (several) {
    console.log(formatSetTable(results.map((s) => ({ name: s.name, headline: headline(s.report), contentPairs: s.report.contentOverlap.pairs }))));
  }
  for (const s of results) {
    if (several) console.log(`\n== ${s.name}: ${s.gold} on ${s.dir}`);
    if (opts.verbose && s.report.errors.items.length > 0) console.log(`${formatErrorItems(s.report.errors.items)}\n`);
    console.log(formatReport(s.report));
  }
};

export const registerEvalCommand = (program: Command): void => {
  program
    .command('eval')
    .description('extract folders of articles, score the claims against reference claims and classify the errors')
    .option('--gold <file>', 'reference claims', 'test/extraction/seeds-gold.json')
    .option('--dir <dir>', 'directory of article .txt files', 'seeds')
    .option('--set <name=gold.json:dir>', 'a named set to score (repeatable); one table row each', (v: string, all: string[] = []) => [...all, v])
    .option('--verbose', 'list every error by class, with the reference id and the sentence')
    .option('--json', 'print { sets: [ { name, gold, dir, report } ] } (and comparison with --compare)')
    .option('--compare <previous.json>', 'print the change of the main figures since a run saved with --json')
    .action(async (opts: EvalOptions, command: Command) => {
      const results: SetResult[] = [];
      for (const set of setsOf(opts, command)) results.push({ ...set, report: await evaluate(set.gold, set.dir, !!opts.verbose) });
      const compared = opts.compare ? comparisons(results, opts.compare) : [];
      if (opts.json) {
        console.log(JSON.stringify(opts.compare ? { sets: results, comparison: compared } : { sets: results }, null, 2));
        return;
      }
      printText(results, opts);
      if (opts.compare && compared.length === 0) console.log(`\nno set of ${opts.compare} has the name, or the gold file and folder, of a set of this run`);
      for (const c of compared) console.log(`\n${formatDelta(c.name, c.delta)}`);
    });
};
