import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../domain/errors.js';
import { getArticle, listArticles } from '../read-models/articles/articles.queries.js';
import { defined, flag, pageOf, timeRange } from './filters.js';
import { parseAsOf } from './list-query.dto.js';
import { ArticleQueryDto, ArticlesQueryDto } from './view-dtos.js';
import { ReadModelQuery } from './read-model.query.js';

@ApiTags('articles')
@Controller('articles')
export class ArticlesViewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Articles: headline, outlet, date and claim counts' })
  list(@Query() q: ArticlesQueryDto) {
    const filter = defined({ outlet: q.outlet, q: q.q, type: q.type, includeRetracted: flag(q.includeRetracted), ...timeRange(q) });
    return this.queries.execute(new ReadModelQuery(['articles'], parseAsOf(q.asOf), (s) => listArticles(s.articles, filter, pageOf(q))));
  }

  @Get(':articleId')
  @ApiOperation({ summary: 'One article with its body and its claims, each with evidence offsets into the body; copyOf and copies name the articles of its story when it was syndicated' })
  async one(@Param('articleId') articleId: string, @Query() q: ArticleQueryDto) {
    const found = await this.queries.execute(
      new ReadModelQuery(['articles', 'claims'], parseAsOf(q.asOf), (s) =>
        getArticle(s.articles, articleId, { claims: s.claims, includeRetracted: flag(q.includeRetracted) })),
    );
    if (!found) throw notFound(`article ${articleId}`);
    return found;
  }
}
