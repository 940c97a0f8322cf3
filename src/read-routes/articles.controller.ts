import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { withdrawnGone } from '../articles/withdrawn.js';
import { ArticleWithdrawalQuery } from '../articles/withdrawing-article/article-withdrawal.query.js';
import { notFound } from '../domain/errors.js';
import { getArticleStored, listArticlesStored } from '../read-models/articles/articles.stored-queries.js';
import { positionOf } from '../read-models/timeline/timeline.stored-queries.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { parseAsOf, type AsOf } from './list-query.dto.js';
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
  @ApiResponse({ status: 200, description: 'The article as of asOf (now when absent)' })
  @ApiResponse({ status: 404, description: 'No such article (as of asOf)' })
  @ApiResponse({
    status: 410,
    description: 'Withdrawn (as of asOf): the withdrawal is named (when, by whom, reason); its events stay at /articles/{articleId}/events',
  })
  async one(@Param('articleId') articleId: string, @Query() q: ArticleQueryDto) {
    const asOf = parseAsOf(q.asOf);
    const found = await this.queries.execute(
      new ReaderQuery(asOf, (reader) => getArticleStored(reader, articleId, { includeRetracted: flag(q.includeRetracted) })),
    );
    if (found) return found;
    const withdrawal = await this.queries.execute(new ArticleWithdrawalQuery(articleId, asOf && (await this.positionOf(asOf))));
    throw withdrawal ? withdrawnGone(withdrawal) : notFound(`article ${articleId}`);
  }

  /** The global position an asOf names (the timeline turns a time or a count of events into one). */
  private positionOf(asOf: AsOf): Promise<bigint> {
    return this.queries.execute(new ReaderQuery(null, (reader) => positionOf(reader, asOf)));
  }
}
