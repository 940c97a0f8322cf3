import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { etagOf } from '../../http/if-match.js';
import { ArticleEventsQuery } from './article-events.query.js';

@ApiTags('articles')
@Controller('articles/:articleId/events')
export class ArticleEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "The article's raw stream: type, revision, position, data, metadata" })
  async events(@Param('articleId') articleId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { stream, revision, events } = await this.queries.execute(new ArticleEventsQuery(articleId));
    void reply.header('etag', etagOf(revision));
    return { articleId, stream, revision: revision.toString(), events };
  }
}
