import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { getSourceStored, listSourcesStored } from '../read-models/sources/sources.stored-queries.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { parseAsOf } from './list-query.dto.js';
import { SourceQueryDto, SourcesQueryDto } from './read-queries.dto.js';
import { ReaderQuery } from './reader.query.js';

@ApiTags('read models')
@Controller('sources')
export class SourcesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Sources (cited parties) and outlets, with how many claims rest on each',
    description:
      'publishedFrom/publishedTo (publication time) count only the claims of articles published then; asOf (knowledge time) answers as of a point of the log.',
  })
  list(@Query() q: SourcesQueryDto) {
    const filter = defined({ kind: q.kind, q: q.q, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    return this.queries.execute(new ReaderQuery(parseAsOf(q.asOf), (reader) => listSourcesStored(reader, filter, pageOf(q))));
  }

  @Get(':source')
  @ApiOperation({ summary: 'Which claims rest on one source party or outlet' })
  async one(@Param('source') source: string, @Query() q: SourceQueryDto) {
    const filter = defined({ type: q.type, actor: q.actor, target: q.target, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    const found = await this.queries.execute(new ReaderQuery(parseAsOf(q.asOf), (reader) => getSourceStored(reader, source, filter, pageOf(q))));
    if (!found) throw notFound(`source ${source}`);
    return found;
  }
}
