// Party ids follow one grammar (a lowercase slug) on every write: markup, lookalike letters and
// invisible characters are refused with a 400 that says the rule, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { isPartyId } from '../../src/domain/party-id.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SENTENCE = 'Ruritania pledged to reopen the port.';
const claim = (party: string | null) => ({
  type: 'PledgeMade',
  actors: [{ party: 'ruritania', mention: 'Ruritania' }],
  targets: [{ party, mention: 'the port' }],
  content: 'reopen the port',
  source: { party: null, mention: 'officials', cue: 'said', via: null },
  evidence: { text: SENTENCE, start: 0, end: SENTENCE.length },
});

const REFUSED = [
  '<img src=x onerror=alert(11)>',
  '<meta http-equiv=refresh content="0;url=/health?phished">',
  'PAKISTAN\u200b',
  'pakistan\u200b',
  'p\u0430kistan' /* Cyrillic а */,
  'Pakistan',
  'united states',
  'united--states',
  '-pakistan',
  'pakistan-',
  '',
  'ﬁnland' /* the fi ligature */,
  'x'.repeat(101),
];

describe('party ids on record and correct', () => {
  let t: TestApp;
  let articleId: string;
  let claimId: string;
  let revision: string;

  beforeAll(async () => {
    t = await startTestApp();
    articleId = (await request(t.server).post('/articles').send({ text: SENTENCE }).expect(201)).body.articleId;
    const recorded = await request(t.server).post(`/articles/${articleId}/claims`).set('If-Match', '"0"').send(claim('port-authority')).expect(201);
    ({ claimId, revision } = recorded.body);
  });
  afterAll(async () => t.close());

  it.each(REFUSED.map((p) => [JSON.stringify(p), p]))('refuses %s when recording, as actor, target or source, and writes nothing', async (_, party) => {
    const before = await t.store.headPosition();
    const bodies = [
      claim(party),
      { ...claim(null), actors: [{ party, mention: 'Ruritania' }] },
      { ...claim(null), source: { party, mention: 'officials', cue: 'said', via: null } },
    ];
    for (const body of bodies) {
      const res = await request(t.server).post(`/articles/${articleId}/claims`).set('If-Match', `"${revision}"`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/party: a party id is a lowercase slug such as "united-states"/);
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it.each(REFUSED.map((p) => [JSON.stringify(p), p]))('refuses %s when correcting, and writes nothing', async (_, party) => {
    const before = await t.store.headPosition();
    for (const changes of [{ targets: [{ party, mention: 'the port' }] }, { source: { party, mention: 'officials', cue: 'said', via: null } }]) {
      const res = await request(t.server).post(`/claims/${claimId}/correction`).set('If-Match', `"${revision}"`).send({ changes, reason: 'lookalike' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/a party id is a lowercase slug/);
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it('accepts slugs and null', async () => {
    for (const party of ['pakistan', 'united-states', 'g7', null]) {
      const res = await request(t.server)
        .post(`/claims/${claimId}/correction`)
        .set('If-Match', `"${revision}"`)
        .send({ changes: { targets: [{ party, mention: 'them' }] }, reason: 'precise' });
      expect(res.status).toBe(201);
      revision = res.body.revision;
    }
  });

  it('the grammar: what the extractor produces passes, lookalikes do not', () => {
    expect(['ttp', 'united-states', 'south-korea', 'g20'].every(isPartyId)).toBe(true);
    expect(REFUSED.some(isPartyId)).toBe(false);
  });
});
