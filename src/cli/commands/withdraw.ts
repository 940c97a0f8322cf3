// `withdraw <articleId> --reason "..."`: the same command as DELETE /articles/:id, from the command line.
import { CommandBus } from '@nestjs/cqrs';
import { InvalidArgumentError, type Command } from 'commander';
import { WithdrawArticleCommand } from '../../articles/withdrawing-article/withdraw-article.command.js';
import { ANALYST_NAME, ANALYST_NAME_RULE } from '../../domain/analyst-name.js';
import { newCommandContext } from '../../domain/events/index.js';
import { cliContext } from '../app-context.js';

const analystName = (value: string): string => {
  if (!ANALYST_NAME.test(value)) throw new InvalidArgumentError(ANALYST_NAME_RULE);
  return value;
};

export const registerWithdraw = (program: Command): void => {
  program
    .command('withdraw')
    .description('withdraw an article: it and its claims leave every read model, its stream stays; ingesting its text again needs --force')
    .argument('<articleId>', 'the article id (as ingest and GET /articles give it)')
    .requiredOption('--reason <text>', 'why it is withdrawn (kept in the ArticleWithdrawn event and named when its text is ingested again)')
    .option('--analyst <name>', 'who withdraws it (recordedBy: analyst:<name>); without it, recordedBy is cli', analystName)
    .action(async (articleId: string, options: { reason: string; analyst?: string }) => {
      const app = await cliContext();
      try {
        const recordedBy = options.analyst ? `analyst:${options.analyst}` : 'cli';
        const result = await app.get(CommandBus).execute(new WithdrawArticleCommand(articleId, null, options.reason, recordedBy, newCommandContext()));
        console.log(`withdrawn: ${articleId} (${result.stream} at revision ${result.revision})`);
      } finally {
        await app.close();
      }
    });
};
