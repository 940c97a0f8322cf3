import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../domain/events/index.js';
import type { WriteResult } from '../append-to-article.js';

export class RetractClaimCommand extends Command<WriteResult> {
  constructor(
    readonly claimId: string,
    readonly expectedRevision: bigint,
    readonly reason: string,
    readonly recordedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
