import { Command } from '@nestjs/cqrs';
import type { ClaimCorrection, CommandContext } from '../../domain/events/index.js';
import type { WriteResult } from '../append-to-article.js';

export class CorrectClaimCommand extends Command<WriteResult> {
  constructor(
    readonly claimId: string,
    readonly expectedRevision: bigint,
    readonly changes: ClaimCorrection,
    readonly reason: string,
    readonly recordedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
