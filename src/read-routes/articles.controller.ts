import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { getArticleStored, listArticlesStored } from '../read-models/articles/articles.stored-queries.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { parseAsOf } from './list-query.dto.js';
import { ArticleQueryDto, ArticlesQueryDto } from './read-queries.dto.js';
import { ReaderQuery } from './reader.query.js';

@ApiTags('articles')
@Controller('articles')
export class ArticlesReadController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Articles: headline, outlet, date and claim counts, newest published first',
    description: 'publishedFrom/publishedTo filter by publication time (an undated article by when it was recorded); asOf is knowledge time.',
  })
  list(@Query() q: ArticlesQueryDto) {
    const filter = defined({ outlet: q.outlet, q: q.q, type: q.type, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    const page = pageOf(q);
    return this.queries.execute(new ReaderQuery(parseAsOf(q.asOf), (reader) => listArticlesStored(reader, filter, page)));
  }

  @Get(':articleId')
  @ApiOperation({
    summary:
      'One article with its body and its claims, each with evidence offsets into the body; ' +
      'copyOf and copies name the articles of its story when it was syndicated',
  })
  async one(@Param('articleId') articleId: string, @Query() q: ArticleQueryDto) {
    const found = await this.queries.execute(
      new ReaderQuery(parseAsOf(q.asOf), (reader) => getArticleStored(reader, articleId, { includeRetracted: flag(q.includeRetracted) })),
    );
    if (!found) throw notFound(`article ${articleId}`);
    return found;
  }
}
