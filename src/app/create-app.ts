import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiKeyGuard } from '../http/api-key.guard.js';
import { ErrorsFilter } from '../http/errors.filter.js';
import { validationPipe } from '../http/validation.pipe.js';
import { serveUi } from '../ui/serve-ui.js';
import { AppModule, type AppOptions } from './app.module.js';

export interface CreateAppOptions extends AppOptions {
  logger?: false | LogLevel[];
}

/** The one place the HTTP shell is assembled, so the server, the tests and the CLI get the same app. */
export const createApp = async (options: CreateAppOptions): Promise<NestFastifyApplication> => {
  const { config } = options;
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimit, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    abortOnError: false,
  });

  await app.register(helmet, {
    // Swagger UI at /docs loads its own scripts and inline styles from this origin only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The service speaks plain HTTP (TLS, if any, is a proxy's): upgrading would send the desk's
        // script and style requests to https and break the page when opened by a LAN address.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Only writes are rate limited: reads are cheap and analysts page through them quickly. (Chosen per
  // request: a route-config hook added after the plugin ran too late, and no write was ever limited.)
  await app.register(rateLimit, {
    global: true,
    max: config.writeRateLimit,
    timeWindow: '1 minute',
    allowList: (request) => ['GET', 'HEAD', 'OPTIONS'].includes(request.method),
  });
  // Every write takes JSON; any other body type is refused with 415 instead of half-parsed.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  if (config.corsOrigin) app.enableCors({ origin: config.corsOrigin.split(',').map((o) => o.trim()) });

  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorsFilter());
  app.useGlobalGuards(new ApiKeyGuard(config.apiKey));
  app.enableShutdownHooks();
  serveUi(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('claimtrail')
      .setDescription('Who claimed what, according to whom: article streams, claims and the views built from them.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
};
