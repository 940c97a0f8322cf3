// A wire story and two edited copies from other outlets, plus another story on the same topic,
// through the real app: each copy names its original and the original its copies, /attributions
// counts the three as one independent report, and /conflicts pairs none of them with another.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { ClaimExtractor, ExtractedClaim } from '../../src/domain/claim-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fixtureText, type FixtureName } from './fixtures.js';

/**
 * One ConcernRaised per sentence saying "concern", cited to unnamed "Ruritanian diplomats" (a
 * source told apart only within its outlet), about what the sentence's words say: an "agreement"
 * is diplomacy, a "deal" trade, anything else humanitarian. The Evening Post's copy says "deal"
 * where the wire said "agreement": were it not the same story, that would be a competing account.
 */
const concernExtractor: ClaimExtractor = {
  name: 'test-concerns',
  version: '1',
  extract: ({ body }) => {
    const claims: ExtractedClaim[] = [];
    const sentence = /[^.]*\bconcern\b[^.]*\./g;
    for (let m = sentence.exec(body); m; m = sentence.exec(body)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const text = m[0].trim();
      claims.push({
        type: 'ConcernRaised',
        actors: [{ party: 'ruritania', mention: 'Ruritanian diplomats' }],
        targets: [{ party: 'genovia', mention: 'Genovia' }],
        content: text,
        source: { party: null, mention: 'Ruritanian diplomats', cue: 'raised concern', via: null },
        evidence: { text, start, end: start + text.length },
        hedged: false,
        polarity: 'asserted',
        topics: [/\bagreement\b/.test(text) ? 'diplomacy' : /\bdeal\b/.test(text) ? 'trade' : 'humanitarian'],
      });
    }
    return claims;
  },
};

describe('syndicated copies over REST', () => {
  let t: TestApp;
  const ids = {} as Record<FixtureName, string>;

  beforeAll(async () => {
    t = await startTestApp({ extractor: concernExtractor });
    for (const name of ['original', 'copy-harbour', 'copy-evening', 'unrelated'] as const) {
      ids[name] = (
        await request(t.server)
          .post('/articles')
          .send({ text: fixtureText(name) })
          .expect(201)
      ).body.articleId;
    }
  });
  afterAll(async () => t.close());

  it('records each copy in its stream, and shows copy of / copies on GET /articles/:id', async () => {
    const events = (await request(t.server).get(`/articles/${ids['copy-evening']}/events`).expect(200)).body;
    const types = events.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['ArticleIngested', 'CopyRecognised', 'ConcernRaised']);

    const original = (await request(t.server).get(`/articles/${ids.original}`).expect(200)).body;
    expect(original.copyOf).toBeNull();
    expect(original.copies.map((c: { articleId: string; outlet: string }) => [c.articleId, c.outlet])).toEqual([
      [ids['copy-harbour'], 'Harbour Times'],
      [ids['copy-evening'], 'Evening Post'],
    ]);
    for (const copy of ['copy-harbour', 'copy-evening'] as const) {
      const body = (await request(t.server).get(`/articles/${ids[copy]}`).expect(200)).body;
      expect(body.copyOf).toMatchObject({
        articleId: ids.original,
        outlet: 'Wire One',
        title: 'Ruritania and Genovia agree to resume talks on Varna river dam',
      });
      expect(body.copyOf.similarity).toBeGreaterThanOrEqual(0.5);
      expect(body.copies).toEqual([]);
    }
    const unrelated = (await request(t.server).get(`/articles/${ids.unrelated}`).expect(200)).body;
    expect([unrelated.copyOf, unrelated.copies]).toEqual([null, []]);
  });

  it('counts the three as one independent report on /attributions', async () => {
    const { items } = (await request(t.server).get('/attributions').expect(200)).body;
    expect(items).toHaveLength(1);
    const [concern] = items;
    // Four articles, two reports: the wire story (three outlets) and the other story.
    expect(concern).toMatchObject({ key: 'ConcernRaised:ruritania:genovia', claims: 4, articles: 4, reports: 2, status: 'corroborated' });
    const outlets = concern.sources.map((s: { outlets: string[] }) => s.outlets);
    expect(outlets).toEqual(expect.arrayContaining([['Evening Post', 'Harbour Times', 'Wire One'], ['Wire Two']]));
    expect(outlets).toHaveLength(2);
  });

  it('pairs no two articles of the story on /conflicts, while the other story still conflicts with them', async () => {
    const { items } = (await request(t.server).get('/conflicts?limit=100').expect(200)).body;
    const articlesOf = (c: { a: Array<{ articleId: string }>; b: Array<{ articleId: string }> }) => [...c.a, ...c.b].map((v) => v.articleId);
    const story = new Set([ids.original, ids['copy-harbour'], ids['copy-evening']]);
    for (const c of items) expect(articlesOf(c).filter((id) => story.has(id)).length).toBeLessThanOrEqual(1);
    // The other story's humanitarian concern against the story's diplomacy and trade accounts.
    expect(items.length).toBeGreaterThan(0);
    for (const c of items) expect(articlesOf(c)).toContain(ids.unrelated);
  });
});
