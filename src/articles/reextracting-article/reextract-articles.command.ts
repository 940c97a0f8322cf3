import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../domain/events/index.js';

export interface ReextractSummary {
  articles: number;
  changed: number;
  retracted: number;
  added: number;
}

/** Re-runs the current extractor over one stored article, or all of them. */
export class ReextractArticlesCommand extends Command<ReextractSummary> {
  constructor(readonly articleId: string | null, readonly context: CommandContext, readonly onArticle?: (done: number, total: number) => void) {
    super();
  }
}
