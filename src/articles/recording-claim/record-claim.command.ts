import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../domain/events/index.js';
import type { WriteResult } from '../append-to-article.js';
import type { RecordClaimInput } from './record-claim.js';

export class RecordClaimCommand extends Command<WriteResult & { claimId: string }> {
  constructor(
    readonly articleId: string,
    readonly expectedRevision: bigint,
    readonly claim: RecordClaimInput,
    readonly recordedBy: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
