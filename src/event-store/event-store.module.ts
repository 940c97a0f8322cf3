import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from './event-store.js';
import { openEventStore } from './open-event-store.js';

@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `store` lets tests and the CLI hand in an already opened store. */
  static forRoot(store?: EventStore): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        store
          ? { provide: EVENT_STORE, useValue: store }
          : { provide: EVENT_STORE, inject: [CONFIG], useFactory: (config: Config) => openEventStore(config) },
      ],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
