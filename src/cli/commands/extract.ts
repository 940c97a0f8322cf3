import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { ExtractedClaim } from '../../domain/claim-extractor.js';
import { parseArticleFile } from '../../domain/article-file.js';
import { createExtractor } from '../../extraction/index.js';

export interface ExtractedArticle {
  file: string;
  claims: ExtractedClaim[];
}

/** The file name that stands for standard input (`extract --json < article.txt` reads it too). */
const STDIN = '-';

/** Runs the extractor over article files (`-`: standard input); touches no store. */
export const extractFiles = (files: string[]): ExtractedArticle[] => {
  const extractor = createExtractor();
  return files.map((file) => {
    const a = parseArticleFile(readFileSync(file === STDIN ? 0 : file, 'utf8'));
    return { file: file === STDIN ? 'stdin' : basename(file), claims: extractor.extract({ body: a.body, title: a.title, dateline: a.dateline }) };
  });
};

const parties = (refs: { party: string | null; mention: string }[]): string => refs.map((r) => r.party ?? `?${r.mention}`).join(', ') || '-';

const printTable = (articles: ExtractedArticle[]): void => {
  for (const a of articles) {
    console.log(`\n${a.file}: ${a.claims.length} claim(s)`);
    for (const c of a.claims) {
      const flags = [c.polarity === 'denied' ? 'DENIED' : '', c.hedged ? 'hedged' : ''].filter(Boolean).join(' ');
      const source = `${c.source.party ?? 'outlet'}${c.source.via ? ` via ${c.source.via}` : ''}`;
      console.log(`  ${c.type.padEnd(19)} ${parties(c.actors)} -> ${parties(c.targets)}  [source: ${source}] ${flags}`);
      console.log(`    "${c.content}"  (${c.topics.join(', ')})`);
    }
  }
};

export const registerExtractCommand = (program: Command): void => {
  program
    .command('extract')
    .description('extract claims from article files (prints them; stores nothing)')
    .argument('[files...]', 'article text files; none, or -, reads one article from standard input')
    .option('--json', 'print { "articles": [ { "file", "claims" } ] }')
    .action((files: string[], opts: { json?: boolean }) => {
      // With no file and nothing piped in, say what to give instead of waiting on the terminal.
      if (files.length === 0 && process.stdin.isTTY) throw new Error('extract: give article files, or pipe one in (extract --json < article.txt)');
      const articles = extractFiles(files.length > 0 ? files : [STDIN]);
      if (opts.json) console.log(JSON.stringify({ articles }, null, 2));
      else printTable(articles);
    });
};
