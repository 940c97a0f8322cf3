import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { CLAIM_ID_SAMPLE } from '../read-models/claims/source-summary.js';
import { getAttributionStored, listAttributionsStored } from '../read-models/attributions/attributions.stored-queries.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { parseAsOf } from './list-query.dto.js';
import { AttributionQueryDto, AttributionsQueryDto } from './read-queries.dto.js';
import { ReaderQuery } from './reader.query.js';

@ApiTags('read models')
@Controller('attributions')
export class AttributionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Claims grouped by claim key (type, actor parties, target parties; topics are facets) with every source that reports them',
    description: `Each source lists its \`count\` of claims and a sample of at most ${CLAIM_ID_SAMPLE} of their ids (the lowest); GET /attributions/:key shows every claim.`,
  })
  list(@Query() q: AttributionsQueryDto) {
    const filter = defined({
      type: q.type,
      actor: q.actor,
      target: q.target,
      party: q.party,
      topic: q.topic,
      source: q.source,
      status: q.status,
      includeRetracted: flag(q.includeRetracted),
      ...timeRange(q),
    });
    return this.queries.execute(new ReaderQuery(parseAsOf(q.asOf), (reader) => listAttributionsStored(reader, filter, pageOf(q))));
  }

  @Get(':key')
  @ApiOperation({
    summary:
      'One claim key (`<Type>:<actors>:<targets>`, e.g. InvitationExtended:pakistan:taliban) side by side: source by source, what each said, where and when',
  })
  async one(@Param('key') key: string, @Query() q: AttributionQueryDto) {
    const found = await this.queries.execute(
      new ReaderQuery(parseAsOf(q.asOf), (reader) => getAttributionStored(reader, key, { includeRetracted: flag(q.includeRetracted) }, pageOf(q))),
    );
    if (!found) throw notFound(`claim key ${key}`);
    return found;
  }
}
