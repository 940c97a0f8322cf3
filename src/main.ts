import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { KeyStore } from './auth/key-store.js';
import { createApp } from './app/create-app.js';
import { keysFile, loadConfig } from './app/config.js';
import { checkListenPolicy } from './app/listen-policy.js';
import { seedIfEmpty } from './app/seed-on-start.js';
import { extractionFor } from './extraction-pool/extraction-for.js';

const config = loadConfig();
const keys = new KeyStore(keysFile(config));
checkListenPolicy(config, keys.hasLiveKeys());
const app = await createApp({ config, extractor: extractionFor(config.extraction), keys });
app.getHttpAdapter().getInstance().addHook('onClose', async () => keys.close());
await app.init();
await seedIfEmpty(app, config);
await app.listen(config.port, config.host);
const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
new Logger('main').log(`claimtrail listening on http://${shown}:${config.port} (docs at /docs)`);
