import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '../../event-store/event-store.js';
import { EVENT_STORE } from '../../common/tokens.js';
import { writeToArticle, type WriteResult } from '../append-to-article.js';
import { RecordClaimCommand } from './record-claim.command.js';
import { recordClaim } from './record-claim.js';

@CommandHandler(RecordClaimCommand)
export class RecordClaimHandler implements ICommandHandler<RecordClaimCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: RecordClaimCommand): Promise<WriteResult & { claimId: string }> {
    let claimId = '';
    const result = await writeToArticle(this.store, command.articleId, command.expectedRevision, command.context, ({ state, revision }) => {
      const event = recordClaim(state, revision, command.claim, command.recordedBy);
      claimId = event.data.claimId;
      return [event];
    });
    return { ...result, claimId };
  }
}
