import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { extractorId } from '../../src/domain/claim-extractor.js';
import { createExtractor } from '../../src/extraction/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SEED = 'seeds/000_4be72ea5d1cf2c89.txt';
const seed = readFileSync(SEED, 'utf8');
const CLAIM_TYPES = ['InvitationExtended', 'PledgeMade', 'AccusationLevelled', 'ConcernRaised'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- data of several event types, read as the JSON it is
interface StoredEvent { type: string; revision: string; position: string; data: Record<string, any> }

const ingest = async (t: TestApp) => {
  const res = await request(t.server).post('/articles').send({ text: seed }).expect(201);
  const events = await request(t.server).get(`/articles/${res.body.articleId}/events`).expect(200);
  return { res, events: events.body.events as StoredEvent[] };
};

// The "Done when": POST /articles of a seed returns its claims and the stream holds them.
describe('ingesting a seed with the rule-based extractor', () => {
  const extractor = createExtractor();
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp({ extractor });
    second = await startTestApp({ extractor });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('answers with the number of claims found, and the stream holds exactly those claim events after ArticleIngested', async () => {
    const { res, events } = await ingest(first);
    expect(res.body.claims).toBeGreaterThanOrEqual(5);
    expect(events[0].type).toBe('ArticleIngested');
    const claims = events.slice(1);
    expect(claims).toHaveLength(res.body.claims);
    expect(res.body.revision).toBe(String(claims.length));
    for (const claim of claims) expect(CLAIM_TYPES).toContain(claim.type);
    expect(new Set(claims.map((c) => c.type)).size).toBeGreaterThanOrEqual(3);
  });

  it('records the extractor and version, and evidence offsets point into the stored body', async () => {
    const { events } = await ingest(second);
    const body = events[0].data.body as string;
    for (const { data } of events.slice(1)) {
      expect(data.recordedBy).toBe(extractorId(extractor));
      expect(body.slice(data.evidence.start, data.evidence.end)).toBe(data.evidence.text);
      expect(data.actors.length + data.targets.length).toBeGreaterThan(0);
    }
  });

  it('gives the same claim ids for the same text in two independent stores', async () => {
    const a = await request(first.server).get('/claims?limit=200').expect(200);
    const b = await request(second.server).get('/claims?limit=200').expect(200);
    const ids = (r: typeof a) => (r.body.items as Array<{ claimId: string }>).map((c) => c.claimId).sort();
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a)).toEqual(ids(b));
  });
});
