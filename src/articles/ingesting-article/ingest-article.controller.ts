import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import { Caller } from '../../http/caller.decorator.js';
import { commandContextFrom } from '../../http/request-context.js';
import { ReadYourWrites } from '../../http/read-your-writes.js';
import { etagOf } from '../../http/if-match.js';
import { IngestArticleCommand } from './ingest-article.command.js';
import { IngestArticleDto } from './ingest-article.dto.js';

@ApiTags('articles')
@Controller('articles')
export class IngestArticleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ReadYourWrites,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Ingest an article: its stream opens with ArticleIngested and the claims found in it, in one append' })
  @ApiBody({ type: IngestArticleDto })
  @ApiResponse({ status: 201, description: 'New article: id, stream, revision' })
  @ApiResponse({ status: 200, description: 'The same text was already ingested: its id, nothing written' })
  @ApiResponse({ status: 201, description: 'With force, a withdrawn article re-instated: `reinstated: true`' })
  @ApiResponse({ status: 400, description: 'Invalid body, with field-level messages' })
  @ApiResponse({ status: 409, description: 'The article was withdrawn: the withdrawal (time, reason) is named; send force: true to ingest it again' })
  async ingest(
    @Body() dto: IngestArticleDto,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    const { force, ...input } = dto;
    const result = await this.commands.execute(new IngestArticleCommand(input, commandContextFrom(correlationId, caller), force === true));
    await this.views.settle(result.position);
    void reply
      .status(result.created ? 201 : 200)
      .header('etag', etagOf(result.revision))
      .header('location', `/articles/${result.articleId}`);
    return {
      articleId: result.articleId,
      stream: result.stream,
      revision: result.revision.toString(),
      created: result.created,
      ...(result.reinstated ? { reinstated: true } : {}),
      claims: result.claims,
    };
  }
}
