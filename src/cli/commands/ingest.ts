import { CommandBus } from '@nestjs/cqrs';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { ingestFiles } from '../../articles/ingesting-article/ingest-files.js';
import { cliContext } from '../app-context.js';

export const registerIngest = (program: Command): void => {
  program
    .command('ingest')
    .description('ingest article files (text, .html pages, .jsonl/.json news-API exports) or folders of them, through the same commands as POST /articles')
    .argument('<paths...>', 'article files or folders')
    .option('--json', 'print the summary as JSON')
    .option('--force', 'ingest withdrawn articles again (re-instate them) instead of refusing them')
    .action(async (paths: string[], options: { json?: boolean; force?: boolean }) => {
      const app = await cliContext();
      const bar = new SingleBar(
        { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, noTTYOutput: false },
        Presets.shades_classic,
      );
      try {
        const summary = await ingestFiles(
          app.get(CommandBus),
          paths,
          (file) => {
            if (process.stderr.isTTY) bar.increment({ file });
          },
          (total) => {
            if (process.stderr.isTTY) bar.start(total, 0, { file: '' });
          },
          { force: options.force === true },
        );
        bar.stop();
        // Articles whose claims MAX_CLAIMS_PER_ARTICLE cut: the first in text order were kept.
        const truncated = summary.results.flatMap((r) => (r.truncated ? [{ file: r.file, ...r.truncated }] : []));
        if (options.json) {
          console.log(JSON.stringify({ created: summary.created, existing: summary.existing, failed: summary.failed, truncated }, null, 2));
        } else {
          console.log(`${summary.created} new, ${summary.existing} already present, ${summary.failed.length} failed`);
          for (const f of summary.failed) console.log(`  failed ${f.file}: ${f.reason}`);
          for (const t of truncated)
            console.log(`  truncated ${t.file}: ${t.found} claims found, the first ${t.kept} in text order kept (MAX_CLAIMS_PER_ARTICLE)`);
        }
        process.exitCode = summary.failed.length ? 1 : 0;
      } finally {
        await app.close();
      }
    });
};
