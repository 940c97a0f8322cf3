import { Controller, Get, HttpCode, Inject, Logger, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NeedsRole } from '../http/access.guard.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { logProgress } from './log-progress.js';
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
  @ApiOperation({
    summary: "Whether the views follow the log, each view's checkpoint (a cursor) and events (a count), the events it is behind, " +
      'events processed since start, last rebuild speed and rebuild progress',
  })
  async status(@Query() { hash }: ProjectionsStatusQueryDto) {
    const views = this.runner.status();
    const progress = await logProgress(this.store, views);
    return {
      store: this.store.kind,
      // Positions are cursors (log offsets on EventStoreDB): compare them, never read them as counts.
      head: progress.head.toString(),
      events: progress.events,
      following: this.runner.following(),
      snapshotsOfAnotherStore: this.runner.snapshotsOfAnotherStore,
      views: views.map((v) => ({
        name: v.name,
        version: v.version,
        // Saved by another version of its read model: being rebuilt from position 0 since start.
        outdatedSnapshot: v.outdated,
        checkpoint: v.checkpoint.toString(),
        events: v.events,
        behind: progress.behind.get(v.name)!.events,
        behindAtLeast: progress.behind.get(v.name)!.atLeast,
        processed: v.processed,
        ...(hash === 'true' ? { hash: stableHash(this.runner.serialized(v.name)) } : {}),
        lastRebuild: v.lastRebuild,
        rebuilding: v.rebuilding && {
          processed: v.rebuilding.processed,
          events: v.rebuilding.targetEvents,
          target: v.rebuilding.target.toString(),
          startedAt: v.rebuilding.startedAt,
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
