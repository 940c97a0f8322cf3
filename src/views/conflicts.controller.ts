import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { getConflict, listConflictsJson } from '../read-models/conflicts/conflicts.queries.js';
import { defined, HEAVY_PAGE_LIMIT, pageOf, timeRange } from './filters.js';
import { AsOfQueryDto, parseAsOf } from './list-query.dto.js';
import { ConflictsQueryDto } from './view-dtos.js';
import { JSON_CONTENT_TYPE } from './json-body.js';
import { ReadModelQuery } from './read-model.query.js';

@ApiTags('views')
@Controller('conflicts')
export class ConflictsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Who says so, and who says otherwise: competing accounts, denials and actor disagreements, each with both sides' })
  @Header('content-type', JSON_CONTENT_TYPE)
  list(@Query() q: ConflictsQueryDto) {
    const filter = defined({ kind: q.kind, party: q.party, source: q.source, article: q.article, type: q.type, topic: q.topic, ...timeRange(q) });
    const page = pageOf(q, HEAVY_PAGE_LIMIT);
    return this.queries.execute(
      new ReadModelQuery(['conflicts', 'claims', 'attributions'], parseAsOf(q.asOf), (s) =>
        listConflictsJson(s.conflicts, s.claims, filter, page, s.attributions),
      `conflicts ${JSON.stringify([filter, page])}`),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One conflict with both sides, their sources and evidence' })
  async one(@Param('id') id: string, @Query() q: AsOfQueryDto) {
    const found = await this.queries.execute(
      new ReadModelQuery(['conflicts', 'claims', 'attributions'], parseAsOf(q.asOf), (s) =>
        getConflict(s.conflicts, s.claims, id, s.attributions)),
    );
    if (!found) throw notFound(`conflict ${id}`);
    return found;
  }
}
