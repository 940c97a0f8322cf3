import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { CLAIM_ID_SAMPLE } from '../read-models/claims/source-summary.js';
import { getPartyStoredJson, listPartiesStored } from '../read-models/parties/parties.stored-queries.js';
import { defined, flag, HEAVY_PAGE_LIMIT, pageOf, timeRange } from './filters.js';
import { parseAsOf } from './list-query.dto.js';
import { PartiesQueryDto, PartyQueryDto } from './read-queries.dto.js';
import { JSON_CONTENT_TYPE } from './json-body.js';
import { ReaderQuery } from './reader.query.js';

@ApiTags('read models')
@Controller('parties')
export class PartiesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Every party that acts, is targeted or is cited as a source, with counts',
    description:
      'publishedFrom/publishedTo (publication time) count only the claims of articles published then; asOf (knowledge time) answers as of a point of the log.',
  })
  list(@Query() q: PartiesQueryDto) {
    const filter = defined({ q: q.q, role: q.role, type: q.type, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    return this.queries.execute(new ReaderQuery(parseAsOf(q.asOf), (reader) => listPartiesStored(reader, filter, pageOf(q))));
  }

  @Get(':party')
  @ApiOperation({
    summary: 'What a party asserted or did (as actor) and what was asserted about it (as target), by type, with the sources for each',
    description:
      `Each source lists its \`count\` of claims and a sample of at most ${CLAIM_ID_SAMPLE} of their ids (the lowest); ` +
      "GET /claims with actor or target, type and source lists them all. `claims` is one page (offset, limit) of the party's claims, newest first.",
  })
  @Header('content-type', JSON_CONTENT_TYPE)
  async one(@Param('party') party: string, @Query() q: PartyQueryDto) {
    const filter = defined({ role: q.role, type: q.type, topic: q.topic, source: q.source, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    const page = pageOf(q, HEAVY_PAGE_LIMIT);
    const found = await this.queries.execute(
      new ReaderQuery(parseAsOf(q.asOf), (reader) => getPartyStoredJson(reader, party, filter, page), `party ${JSON.stringify([party, filter, page])}`),
    );
    if (found === null) throw notFound(`party ${party}`);
    return found;
  }
}
