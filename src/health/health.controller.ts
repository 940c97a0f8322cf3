import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'The store in use and whether it answers (503 when it does not)' })
  async health() {
    try {
      await this.store.ping();
      return { status: 'ok', store: this.store.kind, storeAnswers: true };
    } catch (error) {
      throw new ServiceUnavailableException({ status: 'unavailable', store: this.store.kind, storeAnswers: false, message: (error as Error).message });
    }
  }
}
