import { CommandBus } from '@nestjs/cqrs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ReextractArticlesCommand } from '../../articles/reextracting-article/reextract-articles.command.js';
import { newCommandContext } from '../../domain/events/index.js';
import { cliContext } from '../app-context.js';

export const registerReextract = (program: Command): void => {
  program
    .command('reextract')
    .description('run the current extractor over stored articles and append only the difference')
    .option('--article <id>', 'only this article')
    .action(async (options: { article?: string }) => {
      const app = await cliContext();
      const bar = new SingleBar({ stream: process.stderr, format: 'reextract [{bar}] {value}/{total}' }, Presets.shades_classic);
      let started = false;
      try {
        const summary = await app.get(CommandBus).execute(
          new ReextractArticlesCommand(options.article ?? null, newCommandContext(), (done, total) => {
            if (!process.stderr.isTTY) return;
            if (!started) {
              started = true;
              bar.start(total, 0);
            }
            bar.update(done);
          }),
        );
        bar.stop();
        console.log(`${summary.articles} article(s): ${summary.changed} changed, ${summary.retracted} claim(s) retracted, ${summary.added} added`);
      } finally {
        await app.close();
      }
    });
};
