import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { uiRoot } from './ui-root.js';

/**
 * Serves the analyst's desk at / from the same origin as the API, so it needs no CORS and no second
 * server.
 */
export const serveUi = (app: NestFastifyApplication): void => {
  const root = uiRoot();
  if (!root) {
    new Logger('ui').warn('no UI bundle found (dist/public/index.html): run `npm run build`; the API is served without it');
    return;
  }
  // One route per bundled file (wildcard: false), so any other path is the API's JSON 404, never a file lookup.
  app.useStaticAssets({ root, prefix: '/', index: ['index.html'], wildcard: false });
};
