import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { articleIdOfClaim, articleStream } from '../domain/ids.js';
import { notFound } from '../domain/errors.js';
import { conflictsOfClaimStored } from '../read-models/conflicts/conflicts.stored-queries.js';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '../event-store/event-store.js';
import { getClaimStored, listClaimsStoredJson } from '../read-models/claims/claims.stored-queries.js';
import { ClaimsQueryDto } from './claims-query.dto.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { AsOfQueryDto, parseAsOf } from './list-query.dto.js';
import { JSON_CONTENT_TYPE } from './json-body.js';
import { ReaderQuery } from './reader.query.js';


@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(private readonly queries: QueryBus, @Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Live claims with corrections applied; retracted ones only with includeRetracted=true' })
  @Header('content-type', JSON_CONTENT_TYPE)
  list(@Query() q: ClaimsQueryDto) {
    const filter = defined({
      type: q.type, actor: q.actor, target: q.target, source: q.source === 'none' ? '~' : q.source, topic: q.topic, article: q.article,
      includeRetracted: flag(q.includeRetracted), ...timeRange(q),
    });
    const page = pageOf(q);
    return this.queries.execute(
      new ReaderQuery(parseAsOf(q.asOf), (reader) => listClaimsStoredJson(reader, filter, page), `claims ${JSON.stringify([filter, page])}`),
    );
  }

  @Get(':claimId')
  @ApiOperation({ summary: 'One claim as it stands, with its history from the stream and the conflicts it is part of' })
  async one(@Param('claimId') claimId: string, @Query() q: AsOfQueryDto) {
    const found = await this.queries.execute(
      new ReaderQuery(parseAsOf(q.asOf), (reader) => {
        const claim = getClaimStored(reader, claimId);
        return claim && { claim, conflicts: conflictsOfClaimStored(reader, claimId).map((c) => ({ id: c.id, kind: c.kind })) };
      }),
    );
    if (!found) throw notFound(`claim ${claimId}`);
    return { ...found.claim, conflicts: found.conflicts, history: await this.history(claimId) };
  }

  private async history(claimId: string) {
    try {
      const events = await this.store.readStream(articleStream(articleIdOfClaim(claimId)!));
      return events
        .filter((e) => (e.data as { claimId?: string }).claimId === claimId)
        .map((e) => ({
          type: e.type, revision: e.revision.toString(), position: e.position.toString(), recordedAt: e.created.toISOString(),
          // Who, and with which API key (null: the CLI, the extractor, or an open loopback service).
          recordedBy: (e.data as { recordedBy?: string }).recordedBy ?? null,
          keyId: (e.metadata as { keyId?: string } | null)?.keyId ?? null,
          data: e.data,
        }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
