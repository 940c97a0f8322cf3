import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import { Caller } from '../../http/caller.decorator.js';
import type { ClaimCorrection } from '../../domain/events/index.js';
import { analystFrom, commandContextFrom } from '../../http/request-context.js';
import { StreamWrites } from '../stream-writes.js';
import { parseIfMatch } from '../../http/if-match.js';
import { CorrectClaimCommand } from './correct-claim.command.js';
import { CorrectClaimDto } from './correct-claim.dto.js';

@ApiTags('claims')
@Controller('claims/:claimId/correction')
export class CorrectClaimController {
  constructor(private readonly writes: StreamWrites) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Correct fields of a claim (ClaimCorrected); each given field replaces the old value' })
  @ApiHeader({ name: 'If-Match', required: true, description: "The article stream's revision last read" })
  async correct(
    @Param('claimId') claimId: string,
    @Body() dto: CorrectClaimDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    const expected = parseIfMatch(headers['if-match']);
    // class-transformer leaves absent optional fields as undefined keys: drop them so they do not "correct" to nothing.
    const changes = Object.fromEntries(Object.entries(dto.changes).filter(([, v]) => v !== undefined)) as ClaimCorrection;
    const result = await this.writes.execute(
      reply,
      new CorrectClaimCommand(
        claimId,
        expected,
        changes,
        dto.reason,
        analystFrom(headers['x-analyst'], caller),
        commandContextFrom(headers['x-correlation-id'], caller),
      ),
    );
    return { claimId, articleId: result.articleId, stream: result.stream, revision: result.revision.toString() };
  }
}
