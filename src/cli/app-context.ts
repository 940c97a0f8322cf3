import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app/app.module.js';
import { loadConfig } from '../app/config.js';
import { extractionFor } from '../extraction-pool/extraction-for.js';

/** The same modules as the server, without HTTP: commands run through the same handlers. */
export const cliContext = async (): Promise<INestApplicationContext> => {
  const config = { ...loadConfig(), seedOnStart: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, extractor: extractionFor(config.extraction), readSide: false }), {
    logger: ['error'],
    abortOnError: false,
  });
  await app.init();
  return app;
};
