import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { ArticlesModule } from '../articles/articles.module.js';
import type { ClaimExtractor } from '../domain/claim-extractor.js';
import { asExtractionPort, type ExtractionPort } from '../domain/extraction-port.js';
import type { EventStore } from '../event-store/event-store.js';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { FeedsModule } from '../feeds/feeds.module.js';
import { HealthController } from '../health/health.controller.js';
import { LiveModule } from '../live/live.module.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ReadRoutesModule } from '../read-routes/read-routes.module.js';
import { CONFIG, eventStoreOptions, type Config } from './config.js';

export interface AppOptions {
  config: Config;
  /** An extractor (run in this thread) or an extraction port (src/extraction-pool/); the app closes it when it closes. */
  extractor: ClaimExtractor | ExtractionPort;
  /** An already opened store (tests, CLI); otherwise one is opened from the config. */
  store?: EventStore;
  /** Read models and their REST endpoints; the CLI's write commands leave them out. Default true. */
  readSide?: boolean;
  /** The HTTP server's logger (src/http/request-logs.ts); the CLI has none, so its output stays its own. */
  logger?: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, extractor, store, readSide = true, logger }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(store ? { store } : { options: eventStoreOptions(config) }),
        ArticlesModule.forRoot(asExtractionPort(extractor, config.extraction.maxClaims)),
        FeedsModule.forRoot({ schedule: readSide }),
        ...(readSide ? [ProjectionsModule, ReadRoutesModule, LiveModule] : []),
        // useExisting: Nest's lines go through Fastify's logger, a request's through that request's child (its correlation id).
        // '*splat': nestjs-pino's default route ('{/*splat}') bound no request under this Nest and middie, so lines lost the id.
        ...(logger ? [LoggerModule.forRoot({ useExisting: true, pinoHttp: { logger }, forRoutes: [{ path: '*splat', method: RequestMethod.ALL }] })] : []),
      ],
      controllers: [HealthController],
      providers: [{ provide: CONFIG, useValue: config }],
      exports: [CONFIG],
    };
  }
}
