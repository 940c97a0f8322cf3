import { Body, Controller, Delete, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import { Caller } from '../../http/caller.decorator.js';
import { analystFrom, commandContextFrom } from '../../http/request-context.js';
import { StreamWrites } from '../stream-writes.js';
import { parseOptionalIfMatch } from '../../http/if-match.js';
import { WithdrawArticleCommand } from './withdraw-article.command.js';
import { WithdrawArticleDto } from './withdraw-article.dto.js';

@ApiTags('articles')
@Controller('articles/:articleId')
export class WithdrawArticleController {
  constructor(private readonly writes: StreamWrites) {}

  @Delete()
  @ApiOperation({ summary: 'Withdraw an article (ArticleWithdrawn): it and its claims leave every read model; its stream stays' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The stream revision last read; when sent, a stale one is refused (409)' })
  @ApiResponse({ status: 200, description: 'Withdrawn: id, stream, revision' })
  @ApiResponse({ status: 404, description: 'No such article' })
  @ApiResponse({ status: 409, description: 'Already withdrawn (the withdrawal is named), or a stale If-Match' })
  async withdraw(
    @Param('articleId') articleId: string,
    @Body() dto: WithdrawArticleDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    const expected = parseOptionalIfMatch(headers['if-match']);
    const result = await this.writes.execute(
      reply,
      new WithdrawArticleCommand(
        articleId,
        expected,
        dto.reason,
        analystFrom(headers['x-analyst'], caller),
        commandContextFrom(headers['x-correlation-id'], caller),
      ),
    );
    return { articleId, stream: result.stream, revision: result.revision.toString(), withdrawn: true };
  }
}
