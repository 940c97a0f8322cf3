import { Controller, Get, HttpCode, Inject, Logger, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NeedsRole } from '../http/access.guard.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { logProgress } from './log-progress.js';
import { ProjectionsStatusQueryDto, RebuildQueryDto } from './projections-query.dto.js';
import { PROJECTION_RUNNER } from './projections.tokens.js';
import { STORED_READ_MODELS } from '../read-models/index.js';
import { hashOfRows } from './stored-hash.js';
import type { StoredProjectionRunner } from './stored-projection-runner.js';

const TABLES = new Map(STORED_READ_MODELS.map((m) => [m.name as string, m.tables]));

@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  private readonly logger = new Logger('projections');

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: StoredProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Whether the read models follow the log, each one's checkpoint (a cursor) and events (a count), the events it is behind, " +
      'events processed since start, last rebuild speed and rebuild progress; hash=true adds a hash of its stored rows (costly: reads every row)',
    description: '`views` lists the read models, one entry each (the key keeps its first name: clients read it).',
  })
  async status(@Query() { hash }: ProjectionsStatusQueryDto) {
    const readModels = this.runner.status();
    const progress = await logProgress(this.store, readModels);
    return {
      store: this.store.kind,
      // Positions are cursors (log offsets on EventStoreDB): compare them, never read them as counts.
      head: progress.head.toString(),
      events: progress.events,
      following: this.runner.following(),
      // The read-model store held rows built from another log: dropped at start, rebuilt from this one.
      rowsOfAnotherLog: this.runner.rowsOfAnotherLog,
      ready: this.runner.ready(),
      // Where the read models are written: `worker` (a thread of their own) or `thread` (the event loop's); READ_MODEL_WRITES.
      writes: this.runner.writesRunIn(),
      views: readModels.map((v) => ({
        name: v.name,
        version: v.version,
        // Its rows were written by another version of its read model: being rebuilt from position 0 since start.
        outdated: v.outdated,
        checkpoint: v.checkpoint.toString(),
        events: v.events,
        behind: progress.behind.get(v.name)!.events,
        behindAtLeast: progress.behind.get(v.name)!.atLeast,
        processed: v.processed,
        ...(hash === 'true' ? { hash: hashOfRows(this.runner.store.reader(), TABLES.get(v.name)!) } : {}),
        lastRebuild: v.lastRebuild,
        rebuilding: v.rebuilding && {
          processed: v.rebuilding.processed,
          events: v.rebuilding.targetEvents,
          target: v.rebuilding.target.toString(),
          startedAt: v.rebuilding.startedAt,
        },
      })),
      invalidEvents: this.runner.invalidEvents,
      // A batch that could not be written: the read model stays at its checkpoint and reads the log again from there.
      writeFailures: this.runner.writeFailures,
    };
  }

  @Post('rebuild')
  @NeedsRole('admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Rebuild all read models, or one (?name=), from position 0 into fresh tables while the old rows keep answering, then swap; progress in GET /projections',
  })
  async rebuild(@Query() { name, wait }: RebuildQueryDto) {
    const names = name ? [name] : this.runner.names;
    const running = this.runner.rebuild(names);
    if (wait === 'true') {
      await running;
      return {
        rebuilt: names,
        status: this.runner
          .status()
          .filter((v) => names.includes(v.name))
          .map((v) => ({ name: v.name, lastRebuild: v.lastRebuild })),
      };
    }
    running.catch((error) => this.logger.error(`rebuild of ${names.join(', ')} failed: ${(error as Error).message}`));
    return { rebuilding: names };
  }
}
