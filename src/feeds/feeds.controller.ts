import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { EVENT_STORE } from '../common/tokens.js';
import { notFound } from '../domain/errors.js';
import { FEED_ID } from '../domain/feeds/feed-events.js';
import type { EventStore } from '../event-store/event-store.js';
import { Caller } from '../http/caller.decorator.js';
import { commandContextFrom } from '../http/request-context.js';
import { listFeeds, loadFeed } from './feed-stream.js';
import { feedResponse } from './feed-response.js';
import { FeedPoller } from './poll-feed.js';
import { FeedSubscriptions } from './subscribe-feed.js';
import { SubscribeFeedDto } from './subscribe-feed.dto.js';

const DEFAULT_INTERVAL_MINUTES = 60;

@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subscriptions: FeedSubscriptions,
    private readonly poller: FeedPoller,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe to a feed: fetched and checked first (400 refused address, 502 upstream, 422 not a feed), then FeedSubscribed and a first poll',
  })
  async subscribe(
    @Body() dto: SubscribeFeedDto,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal | null,
  ) {
    const { state, created } = await this.subscriptions.subscribe(
      dto.url,
      dto.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
      commandContextFrom(correlationId, caller),
    );
    void reply.status(created ? 201 : 200).header('location', `/feeds/${state.feedId}`);
    return feedResponse(state);
  }

  @Get()
  @ApiOperation({ summary: 'Every feed with its state, last poll, errors and next poll' })
  async list() {
    return { feeds: (await listFeeds(this.store)).map((f) => feedResponse(f)) };
  }

  @Get(':feedId')
  @ApiOperation({ summary: 'One feed: last poll, errors, and the items it ingested' })
  async one(@Param('feedId') feedId: string) {
    return feedResponse(await this.load(feedId), true);
  }

  @Post(':feedId/poll')
  @HttpCode(200)
  @ApiOperation({ summary: 'Poll the feed now, due or not' })
  async poll(@Param('feedId') feedId: string, @Headers('x-correlation-id') correlationId: string | undefined, @Caller() caller: Principal | null) {
    await this.load(feedId);
    return feedResponse(await this.poller.poll(feedId, commandContextFrom(correlationId, caller)), true);
  }

  @Delete(':feedId')
  @ApiOperation({ summary: 'Unsubscribe (FeedUnsubscribed): no more polls; its history and articles stay' })
  async remove(@Param('feedId') feedId: string, @Headers('x-correlation-id') correlationId: string | undefined, @Caller() caller: Principal | null) {
    await this.load(feedId);
    return feedResponse((await this.subscriptions.unsubscribe(feedId, commandContextFrom(correlationId, caller)))!);
  }

  private async load(feedId: string) {
    const loaded = FEED_ID.test(feedId) ? await loadFeed(this.store, feedId) : null;
    if (!loaded) throw notFound(`feed ${feedId}`);
    return loaded.state;
  }
}
