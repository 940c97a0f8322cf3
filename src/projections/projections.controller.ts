import { BadRequestException, Controller, Get, HttpCode, Inject, Logger, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
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
  @ApiQuery({ name: 'hash', required: false, description: 'true: add a stable hash of each view (proves rebuild == live; costs a full walk)' })
  async status(@Query('hash') hash?: string) {
    if (hash !== undefined && hash !== 'true' && hash !== 'false') throw new BadRequestException('hash: must be true or false');
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
    };
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild all views, or one (?name=), from position 0 while the old state keeps answering; progress in GET /projections' })
  @ApiQuery({ name: 'name', required: false })
  @ApiQuery({ name: 'wait', required: false, description: 'true: answer when the rebuild has finished' })
  async rebuild(@Query('name') name?: string, @Query('wait') wait?: string) {
    if (name !== undefined && !this.runner.names.includes(name)) {
      throw new BadRequestException(`name: no view named ${JSON.stringify(name)}; views are ${this.runner.names.join(', ')}`);
    }
    if (wait !== undefined && wait !== 'true' && wait !== 'false') throw new BadRequestException('wait: must be true or false');
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
