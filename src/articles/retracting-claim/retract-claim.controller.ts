import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import { Caller } from '../../http/caller.decorator.js';
import { analystFrom, commandContextFrom } from '../../http/request-context.js';
import { StreamWrites } from '../stream-writes.js';
import { parseIfMatch } from '../../http/if-match.js';
import { RetractClaimCommand } from './retract-claim.command.js';
import { RetractClaimDto } from './retract-claim.dto.js';

@ApiTags('claims')
@Controller('claims/:claimId/retraction')
export class RetractClaimController {
  constructor(private readonly writes: StreamWrites) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Retract a claim (ClaimRetracted); it stays in the stream and leaves the read models' })
  @ApiHeader({ name: 'If-Match', required: true, description: "The article stream's revision last read" })
  async retract(
    @Param('claimId') claimId: string,
    @Body() dto: RetractClaimDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    const expected = parseIfMatch(headers['if-match']);
    const result = await this.writes.execute(
      reply,
      new RetractClaimCommand(
        claimId,
        expected,
        dto.reason,
        analystFrom(headers['x-analyst'], caller),
        commandContextFrom(headers['x-correlation-id'], caller),
      ),
    );
    return { claimId, articleId: result.articleId, stream: result.stream, revision: result.revision.toString() };
  }
}
