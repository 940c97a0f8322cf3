import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { articleIdOfClaim } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import type { EventStore } from '../../event-store/event-store.js';
import { EVENT_STORE } from '../../common/tokens.js';
import { writeToArticle, type WriteResult } from '../append-to-article.js';
import { RetractClaimCommand } from './retract-claim.command.js';
import { retractClaim } from './retract-claim.js';

@CommandHandler(RetractClaimCommand)
export class RetractClaimHandler implements ICommandHandler<RetractClaimCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RetractClaimCommand): Promise<WriteResult> {
    const articleId = articleIdOfClaim(command.claimId);
    if (!articleId) throw notFound(`claim ${command.claimId}`);
    return writeToArticle(this.store, articleId, command.expectedRevision, command.context, ({ state }) => [
      retractClaim(state, command.claimId, command.reason, command.recordedBy),
    ]);
  }
}
