import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import { Caller } from '../../http/caller.decorator.js';
import { commandContextFrom } from '../../http/request-context.js';
import { StreamWrites } from '../stream-writes.js';
import { IngestArticleCommand } from './ingest-article.command.js';
import { IngestArticleDto } from './ingest-article.dto.js';

const truncationNote = ({ found, kept }: { found: number; kept: number }) =>
  `the extractor found ${found} claims; the first ${kept} in text order were written (MAX_CLAIMS_PER_ARTICLE); the article's whole text is kept`;

@ApiTags('articles')
@Controller('articles')
export class IngestArticleController {
  constructor(private readonly writes: StreamWrites) {}

  @Post()
  @ApiOperation({ summary: 'Ingest an article: its stream opens with ArticleIngested and the claims found in it, in one append' })
  @ApiBody({ type: IngestArticleDto })
  @ApiResponse({ status: 201, description: 'New article: id, stream, revision, claims written; `truncated` when more than MAX_CLAIMS_PER_ARTICLE were found' })
  @ApiResponse({ status: 200, description: 'The same text was already ingested: its id, nothing written' })
  @ApiResponse({ status: 201, description: 'With force, a withdrawn article re-instated: `reinstated: true`' })
  @ApiResponse({ status: 400, description: 'Invalid body, with field-level messages' })
  @ApiResponse({ status: 409, description: 'The article was withdrawn: the withdrawal (time, reason) is named; send force: true to ingest it again' })
  @ApiResponse({ status: 422, description: 'No article text, or extraction took longer than EXTRACTION_TIMEOUT_MS: nothing written' })
  @ApiResponse({ status: 503, description: 'Every extraction worker busy and EXTRACTION_QUEUE full, or a worker died: nothing written, retry' })
  async ingest(
    @Body() dto: IngestArticleDto,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    const { force, ...input } = dto;
    const result = await this.writes.execute(reply, new IngestArticleCommand(input, commandContextFrom(correlationId, caller), force === true));
    void reply.status(result.created ? 201 : 200).header('location', `/articles/${result.articleId}`);
    return {
      articleId: result.articleId,
      stream: result.stream,
      revision: result.revision.toString(),
      created: result.created,
      ...(result.reinstated ? { reinstated: true } : {}),
      claims: result.claims,
      ...(result.truncated ? { truncated: { ...result.truncated, message: truncationNote(result.truncated) } } : {}),
    };
  }
}
