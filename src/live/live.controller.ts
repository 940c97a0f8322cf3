import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { distinctUntilChanged, exhaustMap, interval, map, merge, takeUntil, timer, type Observable } from 'rxjs';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import type { StoredProjectionRunner } from '../projections/stored-projection-runner.js';
import { logProgress } from '../projections/log-progress.js';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';
import { LiveShutdown } from './live-shutdown.js';
import { liveStatus } from './live-status.js';

export const STATUS_EVERY_MS = 1000;

@ApiTags('projections')
@Controller('live')
export class LiveController {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: StoredProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly shutdown: LiveShutdown,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Sse()
  @ApiOperation({
    summary: 'Server-sent events: `change` for every event the read models applied ({position, type, streamName}), ' +
      'and `status` at once and whenever it changes, checked every second ({head, events, behind, behindAtLeast, following, rebuilding[]}), ' +
      'so a client can show rebuild progress; counts are article events, head and positions are opaque cursors',
  })
  @ApiProduces('text/event-stream')
  live(): Observable<MessageEvent> {
    const status$ = timer(0, STATUS_EVERY_MS).pipe(
      exhaustMap(async () => {
        const views = this.runner.status();
        return liveStatus(await logProgress(this.store, views), views, this.runner.following().state);
      }),
      // Sent when it changes (first, during a rebuild, as lag moves), not as a once-a-second heartbeat.
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      map((data): MessageEvent => ({ type: 'status', data })),
    );
    const changes$ = this.runner.changes.pipe(
      map((c): MessageEvent => ({ type: 'change', data: { position: c.position.toString(), type: c.type, streamName: c.streamName } })),
    );
    // A quiet stream still sends something well within CONNECTION_TIMEOUT_MS, which closes idle sockets.
    const keepAlive$ = interval(Math.floor(this.config.connectionTimeoutMs / 2)).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    // Ends every open stream before the HTTP server closes, which would otherwise wait for them.
    return merge(status$, changes$, keepAlive$).pipe(takeUntil(this.shutdown.closing));
  }
}
