import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, syndicationFile, type Config } from '../app/config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { StoryIndex } from './story-index.js';
import { Syndication } from './syndication.js';

/** The syndication index, catching up with the log before anything is ingested. A log that does not outlive the process gets an index that does not either. */
const openSyndication = (config: Config, store: EventStore): Syndication => {
  const syndication = new Syndication(new StoryIndex(store.kind === 'in-memory' ? ':memory:' : syndicationFile(config)));
  syndication.follow(store);
  return syndication;
};

@Module({
  providers: [{ provide: Syndication, useFactory: openSyndication, inject: [CONFIG, EVENT_STORE] }],
  exports: [Syndication],
})
export class SyndicationModule implements OnApplicationShutdown {
  constructor(@Inject(Syndication) private readonly syndication: Syndication) {}

  async onApplicationShutdown(): Promise<void> {
    await this.syndication.stop();
    this.syndication.index.close();
  }
}
