import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';
import type { StoredProjectionRunner } from '../projections/stored-projection-runner.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    /** Absent in the CLI's write-only app, which has no read models. */
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner: StoredProjectionRunner | null = null,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The store in use, whether it answers (503 when it does not), whether the read models follow it ' +
      '(status "degraded" while their subscription is being opened again: reads answer, but may be behind) and readiness: ' +
      'ready is true once every read model has caught up with the head of the log as it was at start (until then reads answer from older rows)',
    description: '`views` is how the read models follow the log (the key keeps its first name: clients read it).',
  })
  async health() {
    const following = this.runner?.following();
    try {
      await this.store.ping();
    } catch (error) {
      throw new ServiceUnavailableException({
        status: 'unavailable',
        store: this.store.kind,
        storeAnswers: false,
        views: following,
        message: (error as Error).message,
      });
    }
    const status = !following || following.state === 'following' ? 'ok' : 'degraded';
    return { status, store: this.store.kind, storeAnswers: true, ...(following ? { views: following, ready: this.ready() } : {}) };
  }

  private ready(): boolean {
    return this.runner!.ready();
  }
}
