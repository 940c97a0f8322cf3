import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from './event-store.js';
import { openEventStore, type EventStoreOptions } from './open-event-store.js';

@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** An already opened store (tests, the CLI), or the options to open one with. */
  static forRoot(from: { store: EventStore } | { options: EventStoreOptions }): DynamicModule {
    return {
      module: EventStoreModule,
      providers: ['store' in from ? { provide: EVENT_STORE, useValue: from.store } : { provide: EVENT_STORE, useFactory: () => openEventStore(from.options) }],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
