import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../domain/events/index.js';
import type { WriteResult } from '../append-to-article.js';

export class WithdrawArticleCommand extends Command<WriteResult> {
  constructor(
    readonly articleId: string,
    /** The revision the caller last read (If-Match); null: whatever the stream is at. */
    readonly expectedRevision: bigint | null,
    readonly reason: string,
    readonly recordedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
