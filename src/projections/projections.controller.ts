import { Controller, Get, HttpCode, Inject, Logger, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NeedsRole } from '../http/access.guard.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { ProjectionsStatusQueryDto, RebuildQueryDto } from './projections-query.dto.js';
import { PROJECTION_RUNNER } from './projections.tokens.js';
import type { ProjectionRunner } from './projection-runner.js';
import { stableHash } from '../read-models/stable-hash.js';

@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  private readonly logger = new Logger('projections');

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: "Each view's checkpoint, the store's head, the lag, events processed, last rebuild speed and rebuild progress" })
  async status(@Query() { hash }: ProjectionsStatusQueryDto) {
    const head = await this.store.headPosition();
    return {
      head: head.toString(),
      views: this.runner.status().map((v) => ({
        name: v.name,
        checkpoint: v.checkpoint.toString(),
        // In positions: events on SQLite, log bytes on EventStoreDB.
        lag: (head > v.checkpoint ? head - v.checkpoint : 0n).toString(),
        processed: v.processed,
        ...(hash === 'true' ? { hash: stableHash(this.runner.serialized(v.name)) } : {}),
        lastRebuild: v.lastRebuild,
        rebuilding: v.rebuilding && {
          ...v.rebuilding,
          target: v.rebuilding.target.toString(),
        },
      })),
      invalidEvents: this.runner.invalidEvents,
      // A view whose snapshot cannot be saved still answers; a restart replays it from its last good one.
      snapshotFailures: this.runner.saveFailures,
    };
  }

  @Post('rebuild')
  @NeedsRole('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild all views, or one (?name=), from position 0 while the old state keeps answering; progress in GET /projections' })
  async rebuild(@Query() { name, wait }: RebuildQueryDto) {
    const names = name ? [name] : this.runner.names;
    const running = this.runner.rebuild(names);
    if (wait === 'true') {
      await running;
      return { rebuilt: names, status: this.runner.status().filter((v) => names.includes(v.name)).map((v) => ({ name: v.name, lastRebuild: v.lastRebuild })) };
    }
    running.catch((error) => this.logger.error(`rebuild of ${names.join(', ')} failed: ${(error as Error).message}`));
    return { rebuilding: names };
  }
}
