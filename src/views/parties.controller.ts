import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import type { ClaimsState, PartiesState } from '../read-models/index.js';
import { getParty, listParties } from '../read-models/parties/parties.queries.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { parseAsOf } from './list-query.dto.js';
import { PartiesQueryDto, PartyQueryDto } from './view-dtos.js';
import { ViewQuery } from './view.query.js';

@ApiTags('views')
@Controller('parties')
export class PartiesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every party that acts, is targeted or is cited as a source, with counts' })
  list(@Query() q: PartiesQueryDto) {
    const filter = defined({ q: q.q, role: q.role, type: q.type, includeRetracted: flag(q.includeRetracted) });
    return this.queries.execute(new ViewQuery(['parties', 'claims'], parseAsOf(q.asOf), (s) => listParties(s.parties as PartiesState, s.claims as ClaimsState, filter, pageOf(q))));
  }

  @Get(':party')
  @ApiOperation({ summary: 'What a party asserted or did (as actor) and what was asserted about it (as target), by type, with the sources for each' })
  async one(@Param('party') party: string, @Query() q: PartyQueryDto) {
    const filter = defined({ role: q.role, type: q.type, topic: q.topic, source: q.source, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    const found = await this.queries.execute(
      new ViewQuery(['parties', 'claims'], parseAsOf(q.asOf), (s) => getParty(s.parties as PartiesState, s.claims as ClaimsState, party, filter, pageOf(q))),
    );
    if (!found) throw notFound(`party ${party}`);
    return found;
  }
}
