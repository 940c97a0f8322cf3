import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { articleIdOfClaim } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import type { EventStore } from '../../event-store/event-store.js';
import { EVENT_STORE } from '../../common/tokens.js';
import { writeToArticle, type WriteResult } from '../append-to-article.js';
import { CorrectClaimCommand } from './correct-claim.command.js';
import { correctClaim } from './correct-claim.js';

@CommandHandler(CorrectClaimCommand)
export class CorrectClaimHandler implements ICommandHandler<CorrectClaimCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: CorrectClaimCommand): Promise<WriteResult> {
    const articleId = articleIdOfClaim(command.claimId);
    if (!articleId) throw notFound(`claim ${command.claimId}`);
    return writeToArticle(this.store, articleId, command.expectedRevision, command.context, ({ state }) => [
      correctClaim(state, command.claimId, command.changes, command.reason, command.recordedBy),
    ]);
  }
}
