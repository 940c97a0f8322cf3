import { Module } from '@nestjs/common';
import { LiveController } from './live.controller.js';
import { LiveShutdown } from './live-shutdown.js';

/** GET /live: the projections' applied events and status as server-sent events, for the desk. */
@Module({
  controllers: [LiveController],
  providers: [LiveShutdown],
})
export class LiveModule {}
