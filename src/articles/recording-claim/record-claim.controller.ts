import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import { Caller } from '../../http/caller.decorator.js';
import { ARTICLE_ID } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import { analystFrom, commandContextFrom } from '../../http/request-context.js';
import { StreamWrites } from '../stream-writes.js';
import { parseIfMatch } from '../../http/if-match.js';
import { RecordClaimCommand } from './record-claim.command.js';
import { RecordClaimDto } from './record-claim.dto.js';

@ApiTags('claims')
@Controller('articles/:articleId/claims')
export class RecordClaimController {
  constructor(private readonly writes: StreamWrites) {}

  @Post()
  @ApiOperation({ summary: "Record an analyst's claim in an article's stream" })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The stream revision last read, e.g. "3"' })
  @ApiHeader({
    name: 'X-Analyst',
    required: false,
    description: 'Who records it (recordedBy: analyst:<name>) with the shared API_KEY; a personal key names its own analyst',
  })
  @ApiResponse({ status: 201 })
  @ApiResponse({ status: 409, description: 'Stale If-Match: the current revision is in the body' })
  async record(
    @Param('articleId') articleId: string,
    @Body() dto: RecordClaimDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    if (!ARTICLE_ID.test(articleId)) throw notFound(`article ${articleId}`);
    const expected = parseIfMatch(headers['if-match']);
    const claim = { hedged: false, polarity: 'asserted' as const, topics: [], ...dto };
    const result = await this.writes.execute(
      reply,
      new RecordClaimCommand(articleId, expected, claim, analystFrom(headers['x-analyst'], caller), commandContextFrom(headers['x-correlation-id'], caller)),
    );
    void reply.status(201);
    return { claimId: result.claimId, articleId, stream: result.stream, revision: result.revision.toString() };
  }
}
