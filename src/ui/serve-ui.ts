import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { uiRoot } from './ui-root.js';

/**
 * Serves the analyst's desk at / from the same origin as the API, so it needs no CORS and no second
 * server. API routes are registered by path and win over the static wildcard.
 */
export const serveUi = (app: NestFastifyApplication): void => {
  const root = uiRoot();
  if (!root) {
    new Logger('ui').warn('no UI bundle found (dist/public/index.html): run `npm run build`; the API is served without it');
    return;
  }
  app.useStaticAssets({ root, prefix: '/', index: ['index.html'], wildcard: true });
};
