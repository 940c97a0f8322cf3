import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../domain/events/index.js';
import type { ArticleInput } from './ingest-article.js';

export interface IngestResult {
  articleId: string;
  stream: string;
  revision: bigint;
  /** Global position of the last event written; null when nothing was written. */
  position: bigint | null;
  /** False when the same text was already there: nothing was written. */
  created: boolean;
  claims: number;
}

export class IngestArticleCommand extends Command<IngestResult> {
  constructor(readonly input: ArticleInput, readonly context: CommandContext) {
    super();
  }
}
