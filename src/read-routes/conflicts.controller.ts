import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { getConflictStored, listConflictsStoredJson } from '../read-models/conflicts/conflicts.stored-queries.js';
import { defined, HEAVY_PAGE_LIMIT, pageOf, timeRange } from './filters.js';
import { AsOfQueryDto, parseAsOf } from './list-query.dto.js';
import { ConflictsQueryDto } from './read-queries.dto.js';
import { JSON_CONTENT_TYPE } from './json-body.js';
import { ReaderQuery } from './reader.query.js';

@ApiTags('read models')
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
      new ReaderQuery(parseAsOf(q.asOf), (reader) => listConflictsStoredJson(reader, filter, page), `conflicts ${JSON.stringify([filter, page])}`),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One conflict with both sides, their sources and evidence' })
  async one(@Param('id') id: string, @Query() q: AsOfQueryDto) {
    const found = await this.queries.execute(
      new ReaderQuery(parseAsOf(q.asOf), (reader) => getConflictStored(reader, id)),
    );
    if (!found) throw notFound(`conflict ${id}`);
    return found;
  }
}
