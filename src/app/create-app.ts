import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Authenticator } from '../auth/authenticate.js';
import { KeyStore } from '../auth/key-store.js';
import { AccessGuard } from '../http/access.guard.js';
import { allowedHostsHook } from '../http/allowed-hosts.js';
import { bodyDeadlineHook } from '../http/body-deadline.js';
import { authenticationHook } from '../http/authentication.hook.js';
import { ErrorsFilter } from '../http/errors.filter.js';
import { rateLimitOptions } from '../http/rate-limits.js';
import { correlationIdHook, createLogger, requestIdOptions, requestLineHook } from '../http/request-logs.js';
import { validationPipe } from '../http/validation.pipe.js';
import { serveUi } from '../ui/serve-ui.js';
import { AppModule, type AppOptions } from './app.module.js';
import { keysFile, type Config } from './config.js';

export interface CreateAppOptions extends Omit<AppOptions, 'logger'> {
  /** Where log lines go: stdout by default, a stream (tests capture one), or false for none at all. */
  logger?: false | DestinationStream;
  /** Personal API keys; by default DATA_DIR/keys.sqlite. */
  keys?: KeyStore;
}

/** Slow or stalled clients cannot hold sockets: a request must arrive whole in time, idle sockets close. */
const socketLimits = (config: Config) => ({
  // The body deadline hook answers a slow body at requestTimeoutMs with a message saying so; Node's own
  // limit (a bare "Client Timeout") stays the backstop a second later, so the two never race.
  requestTimeout: config.requestTimeoutMs + 1000,
  connectionTimeout: config.connectionTimeoutMs,
  http: {
    headersTimeout: Math.min(60_000, config.requestTimeoutMs),
    // Node checks both timeouts this often (30 s by default, longer than a short timeout).
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.requestTimeoutMs / 4))),
  },
});

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // The service speaks plain HTTP (TLS, if any, is a proxy's): upgrading would send the desk's
  // script and style requests to https and break the page when opened by a LAN address.
  upgradeInsecureRequests: null,
};

const corsOrigins = (config: Config): string[] => (config.corsOrigin ? config.corsOrigin.split(',').map((o) => o.trim()) : []);

/** The one place the HTTP shell is assembled, so the server, the tests and the CLI get the same app. */
export const createApp = async (options: CreateAppOptions): Promise<NestFastifyApplication> => {
  const { config } = options;
  const logger = options.logger === false ? null : createLogger(config.logLevel, options.logger);
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimit, trustProxy: false, ...socketLimits(config), ...requestIdOptions(logger) });
  adapter.getHttpServer().maxConnections = config.maxConnections;
  // bodyParser: false — Nest would add a parser for HTML forms; only Fastify's JSON parser stays (see below).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ ...options, logger: logger ?? undefined }), adapter, {
    logger: logger ? undefined : false,
    bufferLogs: logger !== null,
    abortOnError: false,
    bodyParser: false,
  });
  if (logger) app.useLogger(app.get(NestPinoLogger));
  const keys = options.keys ?? new KeyStore(keysFile(config));
  const authenticator = new Authenticator({ sharedKey: config.apiKey, keys });
  const fastify = app.getHttpAdapter().getInstance();
  if (!options.keys) fastify.addHook('onClose', async () => keys.close());
  // Before every other hook, so a request refused early (host, key, rate) is answered and logged with its id too.
  fastify.addHook('onRequest', correlationIdHook);
  if (logger) fastify.addHook('onResponse', requestLineHook);

  // Writes from another origin are refused (Sec-Fetch-Site, else Origin against Host), before any parsing.
  app.enableCsrfProtection({ trustedOrigins: corsOrigins(config) });
  // Swagger UI at /docs loads its own scripts and inline styles from this origin only.
  await app.register(helmet, { contentSecurityPolicy: { directives: CSP } });
  fastify.addHook('onRequest', allowedHostsHook(config.allowedHosts));
  fastify.addHook('onRequest', bodyDeadlineHook(config.requestTimeoutMs));
  // In this order: the key is checked before the rate limit counts the request against its principal.
  fastify.addHook('onRequest', authenticationHook(authenticator));
  await app.register(rateLimit, rateLimitOptions(config));
  // Every write takes JSON; any other body type (forms, text/plain) is refused with 415 instead of parsed.
  fastify.removeContentTypeParser(['text/plain']);
  if (config.corsOrigin) app.enableCors({ origin: corsOrigins(config) });

  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorsFilter());
  app.useGlobalGuards(new AccessGuard(authenticator, app.get(Reflector), config.readRequiresKey));
  app.enableShutdownHooks();
  serveUi(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('claimtrail')
      .setDescription('Who claimed what, according to whom: article streams, claims and the read models built from them.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
};
