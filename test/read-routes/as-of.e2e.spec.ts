// asOf over REST equals what the service answered live at that point, after every kind of event:
// the live answers are the reference read models' (pinned by the other e2e tests and the property
// tests), so an answer as of a position, a time or a count of events is a replay up to there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const FIRST =
  'title: Border talks\noutlet: Wire One\npublished: 2025-05-20\n\nOSLO — Ruritania accused Genovia of shelling the border town, officials said. ' +
  'Genovia denied shelling the border town. Ruritania pledged to reopen the crossing.';
const SECOND =
  'title: Crossing\noutlet: Wire Two\npublished: 2025-05-18\n\nGENEVA — Genovia accused Ruritania of closing the crossing, a spokesman said. ' +
  'Ruritania denied closing the crossing. Genovia pledged to return to the talks.';

interface Answer {
  status: number;
  body: unknown;
}
interface Point {
  step: string;
  head: string;
  events: number;
  time: string;
  answers: Map<string, Answer>;
}

const LISTS = ['/claims', '/claims?includeRetracted=true', '/parties', '/sources', '/articles', '/attributions', '/conflicts'];

describe('asOf equals the live answer at that point, after every kind of event (REST)', () => {
  let t: TestApp;
  const points: Point[] = [];

  const get = async (url: string): Promise<Answer> => {
    const res = await request(t.server).get(url);
    // A claim's history is read from its stream, whatever the asOf.
    const body = url.startsWith('/claims/') && res.status === 200 ? { ...res.body, history: undefined } : res.body;
    return { status: res.status, body };
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the items' fields are only passed back
  const item = (body: unknown): Array<Record<string, any>> => (body as { items?: Array<Record<string, string>> }).items ?? [];
  /** Every list, and the detail of every item they list. */
  const urlsOf = (lists: Map<string, Answer>): string[] => {
    const details = [
      ...item(lists.get('/claims?includeRetracted=true')!.body).map((c) => `/claims/${c.claimId}`),
      ...item(lists.get('/parties')!.body).map((p) => `/parties/${encodeURIComponent(p.party)}`),
      ...item(lists.get('/articles')!.body).map((a) => `/articles/${a.articleId}`),
      ...item(lists.get('/conflicts')!.body).map((c) => `/conflicts/${c.id}`),
    ];
    return [...lists.keys(), ...details];
  };
  const capture = async (step: string) => {
    const lists = new Map<string, Answer>();
    for (const url of LISTS) lists.set(url, await get(url));
    const answers = new Map<string, Answer>();
    for (const url of urlsOf(lists)) answers.set(url, lists.get(url) ?? (await get(url)));
    const status = (await request(t.server).get('/projections').expect(200)).body as { head: string; events: number };
    points.push({ step, head: status.head, events: status.events, time: new Date().toISOString(), answers });
    // The next events are recorded strictly later than this point's time.
    await new Promise((r) => setTimeout(r, 5));
  };
  const revisionOf = async (articleId: string) => (await request(t.server).get(`/articles/${articleId}/events`).expect(200)).headers.etag;

  beforeAll(async () => {
    t = await startTestApp({ extractor: defaultExtractor(), config: { costlyReadRateLimit: 1_000_000, readRateLimit: 1_000_000 } });
    await capture('empty');
    const first = (await request(t.server).post('/articles').send({ text: FIRST }).expect(201)).body as { articleId: string };
    await capture('ingested, with extracted claims');
    await request(t.server).post('/articles').send({ text: SECOND }).expect(201);
    await capture('a second article');
    const claims = item((await request(t.server).get(`/claims?article=${first.articleId}`).expect(200)).body);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    const evidence = 'Ruritania pledged to reopen the crossing.';
    const body = ((await request(t.server).get(`/articles/${first.articleId}`).expect(200)).body as { body: string }).body;
    const start = body.indexOf(evidence);
    const recorded = await request(t.server)
      .post(`/articles/${first.articleId}/claims`)
      .set('If-Match', await revisionOf(first.articleId))
      .send({
        // A denial of the first extracted claim's key: a conflict.
        type: claims[0].type,
        actors: claims[0].actors,
        targets: claims[0].targets,
        topics: claims[0].topics,
        polarity: 'denied',
        content: 'never shelled the town',
        source: { party: 'genovia', mention: 'Genovia', cue: 'said', via: null },
        evidence: { text: evidence, start, end: start + evidence.length },
      });
    expect([recorded.status, recorded.body.message]).toEqual([201, undefined]);
    await capture('a denial recorded by an analyst');
    await request(t.server)
      .post(`/claims/${claims[0].claimId}/correction`)
      .set('If-Match', await revisionOf(first.articleId))
      .send({ changes: { content: 'shelling the border town at night' }, reason: 'precise' })
      .expect(201);
    await capture('a correction');
    await request(t.server)
      .post(`/claims/${claims[1].claimId}/retraction`)
      .set('If-Match', await revisionOf(first.articleId))
      .send({ reason: 'not in the text' })
      .expect(201);
    await capture('a retraction');
    const second = item((await request(t.server).get('/articles').expect(200)).body).find((a) => a.articleId !== first.articleId)!;
    await request(t.server).delete(`/articles/${second.articleId}`).set('X-Analyst', 'kim').send({ reason: 'a hoax' }).expect(200);
    await capture('a withdrawal');
    await request(t.server).post('/articles').send({ text: SECOND, force: true }).expect(201);
    await capture('a forced re-ingest of the withdrawn article');
  }, 120_000);
  afterAll(async () => t.close());

  it('the history is not trivial: conflicts, a corrected and a retracted claim', () => {
    const last = points.at(-1)!.answers;
    expect((last.get('/conflicts')!.body as { total: number }).total).toBeGreaterThan(0);
    expect((last.get('/claims?includeRetracted=true')!.body as { total: number }).total).toBeGreaterThan(
      (last.get('/claims')!.body as { total: number }).total,
    );
    expect(new Set(points.map((p) => p.head)).size).toBe(points.length);
  });

  it.each(['position', 'time', 'events'] as const)(
    'as of a %s',
    async (kind) => {
      let compared = 0;
      for (const point of points) {
        const asOf = kind === 'position' ? point.head : kind === 'time' ? point.time : `events:${point.events}`;
        // Before any event a position is not one the log has; -1 is no position asOf takes.
        if (kind === 'position' && point.head === '-1') continue;
        for (const [url, live] of point.answers) {
          const answer = await get(`${url}${url.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}`);
          expect({ step: point.step, url, ...answer }).toEqual({ step: point.step, url, ...live });
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(50);
    },
    120_000,
  );
});
