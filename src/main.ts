import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app/create-app.js';
import { loadConfig } from './app/config.js';
import { checkListenPolicy } from './app/listen-policy.js';
import { seedIfEmpty } from './app/seed-on-start.js';
import { defaultExtractor } from './extraction/default-extractor.js';

const config = loadConfig();
checkListenPolicy(config);
const app = await createApp({ config, extractor: defaultExtractor() });
await app.init();
await seedIfEmpty(app, config);
await app.listen(config.port, config.host);
new Logger('main').log(`claimtrail listening on http://${config.host}:${config.port} (docs at /docs)`);
