// The service as `npm start` runs it, on a fresh SQLite file: the rule-based extractor, the seeds
// ingested, an API key required for writes.
import request from 'supertest';
import { loadConfig } from '../../src/app/config.js';
import { seedIfEmpty } from '../../src/app/seed-on-start.js';
import { createExtractor } from '../../src/extraction/index.js';
import { uiRoot } from '../../src/ui/ui-root.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

export const API_KEY = 'desk-test-key';

export interface DeskApp extends TestApp {
  url: string;
  auth: { authorization: string };
}

export const startDeskApp = async (): Promise<DeskApp> => {
  if (!uiRoot()) throw new Error('No UI bundle at dist/public/index.html: run `npm run build` (npm test does it first).');
  const t = await startTestApp({ extractor: createExtractor(), config: { apiKey: API_KEY } });
  await seedIfEmpty(t.app, { ...loadConfig({}), seedOnStart: true, seedsDir: 'seeds' });
  const address = t.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return { ...t, url: `http://127.0.0.1:${address.port}`, auth: { authorization: `Bearer ${API_KEY}` } };
};

/**
 * The seeds' TTP-versus-migrants disagreement: the Taliban official's account of the call (Pakistan's
 * concern about the TTP) against "However, a Taliban Foreign Ministry spokesman said the focus ...
 * was largely on the situation of migrants". When the rules do not read the spokesman's sentence as
 * a claim, the analyst records it, as an analyst would; the conflict view then pairs the two.
 */
export const ensureTtpMigrantsConflict = async (t: DeskApp): Promise<void> => {
  const conflicts = (await request(t.server).get('/conflicts').expect(200)).body.items as Array<{ a: Array<{ topics: string[] }>; b: Array<{ topics: string[] }> }>;
  const topics = (c: (typeof conflicts)[number]) => [...c.a, ...c.b].flatMap((x) => x.topics);
  if (conflicts.some((c) => topics(c).includes('migration') && topics(c).includes('terrorism'))) return;
  const articles = (await request(t.server).get('/articles').expect(200)).body.items as Array<{ articleId: string }>;
  const sentence = 'However, a Taliban Foreign Ministry spokesman said the focus of the conversation was largely on the situation of migrants in Pakistan.';
  for (const { articleId } of articles) {
    const article = (await request(t.server).get(`/articles/${articleId}`).expect(200)).body as { body: string };
    const start = article.body.indexOf(sentence);
    if (start < 0) continue;
    const { revision } = (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).body;
    process.stderr.write('[ui tests] the rules found no TTP-versus-migrants conflict in the seeds; the test records the spokesman\'s claim as an analyst\n');
    await request(t.server).post(`/articles/${articleId}/claims`).set(t.auth).set('if-match', `"${revision}"`).set('x-analyst', 'desk-tests').send({
      type: 'ConcernRaised',
      actors: [{ party: 'taliban', mention: 'a Taliban Foreign Ministry spokesman' }],
      targets: [{ party: 'pakistan', mention: 'Pakistan' }],
      content: 'the situation of migrants in Pakistan',
      source: { party: 'taliban', mention: 'a Taliban Foreign Ministry spokesman', cue: 'said', via: null },
      evidence: { text: sentence, start, end: start + sentence.length },
      topics: ['migration'],
    }).expect(201);
    return;
  }
  throw new Error('the seeds no longer hold the Taliban spokesman\'s sentence about migrants');
};
