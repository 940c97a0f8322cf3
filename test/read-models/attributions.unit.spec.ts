import { describe, expect, it } from '@jest/globals';
import { attributionsProjection } from '../../src/read-models/attributions/attributions.projection.js';
import { getAttribution, listAttributions } from '../../src/read-models/attributions/attributions.queries.js';
import { corroboration } from '../../src/read-models/attributions/corroboration.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { claimKey, normaliseClaimKey, parseClaimKey, primaryTopic, slug } from '../../src/read-models/claim-key.js';
import { given, party } from './given.js';

describe('claim keys', () => {
  it('are built from type and sorted actor and target parties; the topic is no part of them', () => {
    const claim = { type: 'PledgeMade' as const, actors: [party('genovia'), party('ruritania')], targets: [] };
    expect(claimKey(claim)).toBe('PledgeMade:genovia+ruritania:-');
    expect(claimKey({ ...claim, actors: [party('ruritania'), party('genovia'), party('genovia')] })).toBe('PledgeMade:genovia+ruritania:-');
    expect(claimKey({ ...claim, targets: [party('?Tribal Élders')] })).toBe('PledgeMade:genovia+ruritania:~tribal-elders');
    expect(primaryTopic(['diplomacy', 'trade'])).toBe('trade');
  });

  it('parse back, normalise user input and reject malformed keys', () => {
    expect(parseClaimKey('ConcernRaised:ruritania:~smugglers+genovia')).toEqual({
      type: 'ConcernRaised',
      actors: ['ruritania'],
      targets: ['~smugglers', 'genovia'],
    });
    expect(normaliseClaimKey('ConcernRaised:ruritania:~smugglers genovia')).toBe('ConcernRaised:ruritania:genovia+~smugglers');
    // Keys of earlier versions ended in a topic: still read, the topic dropped.
    expect(normaliseClaimKey('ConcernRaised:ruritania:genovia:security')).toBe('ConcernRaised:ruritania:genovia');
    for (const bad of ['Nope:a:b', 'PledgeMade:a', 'PledgeMade:A:-', 'PledgeMade:a:-:weather', 'PledgeMade::-', 'PledgeMade:a:-:-:-'])
      expect(parseClaimKey(bad)).toBeNull();
    expect(slug('Côte d’Ivoire')).toBe('cote-divoire');
    expect(slug('北京')).toMatch(/^x[0-9a-f]{8}$/);
  });
});

const world = () => {
  const g = given();
  const a1 = g.article('Ruritania invited Genovia to talks, its ministry said. A Genovian official confirmed it.', {
    outlet: 'Daily Ledger',
    publishedAt: '2031-02-01',
  });
  const c1 = g.claim(a1, { type: 'InvitationExtended', actors: ['ruritania'], targets: ['genovia'], source: { party: 'ruritania', mention: 'its ministry' } });
  const c2 = g.claim(a1, {
    type: 'InvitationExtended',
    actors: ['ruritania'],
    targets: ['genovia'],
    source: { party: 'genovia', mention: 'A Genovian official' },
    evidence: 'A Genovian official confirmed it.',
  });
  const a2 = g.article('Ruritania has invited Genovia, a Ruritanian spokesman said.', { outlet: 'Harbour Times', publishedAt: '2031-02-02' });
  const c3 = g.claim(a2, {
    type: 'InvitationExtended',
    actors: ['ruritania'],
    targets: ['genovia'],
    source: { party: 'ruritania', mention: 'a Ruritanian spokesman' },
  });
  const lone = g.claim(a2, { type: 'PledgeMade', actors: ['genovia'], targets: [], source: 'genovia', topics: ['trade'] });
  return { g, c1, c2, c3, lone };
};
const KEY = 'InvitationExtended:ruritania:genovia';

describe('attributions read model', () => {
  it('keeps one key for one act whatever topics each report gives it, the topics as facets', () => {
    const g = given();
    const a = g.article('Ruritania invited Genovia to talks on the militia, its ministry said. Genovia accepted the invitation, an official said.');
    const invited = g.claim(a, {
      type: 'InvitationExtended',
      actors: ['ruritania'],
      targets: ['genovia'],
      source: 'ruritania',
      topics: ['terrorism', 'diplomacy'],
    });
    const accepted = g.claim(a, {
      type: 'InvitationExtended',
      actors: ['ruritania'],
      targets: ['genovia'],
      source: 'genovia',
      topics: [],
      evidence: 'Genovia accepted the invitation, an official said.',
    });
    const attributions = g.fold(attributionsProjection);
    const claims = g.fold(claimsProjection);
    expect([...attributions.keys]).toEqual([[KEY, [invited, accepted]]]);
    expect(getAttribution(attributions, claims, KEY)).toMatchObject({
      status: 'corroborated',
      topics: ['terrorism', 'diplomacy'],
      sources: [{ source: 'genovia' }, { source: 'ruritania' }],
    });
  });

  it('groups claims by key across articles with every source, side by side', () => {
    const { g, c1, c2, c3 } = world();
    const attributions = g.fold(attributionsProjection);
    const claims = g.fold(claimsProjection);
    expect(attributions.keys.get(KEY)).toEqual([c1, c2, c3]);
    const detail = getAttribution(attributions, claims, KEY)!;
    expect(detail).toMatchObject({
      key: KEY,
      claims: 3,
      articles: 2,
      status: 'corroborated',
      firstAt: '2031-02-01T00:00:00.000Z',
      lastAt: '2031-02-02T00:00:00.000Z',
    });
    expect(detail.columns.items.map((c) => [c.source, c.accounts.map((a) => [a.claimId, a.article.outlet, a.when.slice(0, 10)])])).toEqual([
      ['genovia', [[c2, 'Daily Ledger', '2031-02-01']]],
      [
        'ruritania',
        [
          [c1, 'Daily Ledger', '2031-02-01'],
          [c3, 'Harbour Times', '2031-02-02'],
        ],
      ],
    ]);
    expect(getAttribution(attributions, claims, 'PledgeMade:atlantis:-')).toBeNull();
    // Links written before keys lost their topic still find the key.
    expect(getAttribution(attributions, claims, `${KEY}:diplomacy`)).toMatchObject({ key: KEY, claims: 3 });
  });

  it('tells single-source from corroborated claims, listing every independent source', () => {
    const { g, lone } = world();
    const attributions = g.fold(attributionsProjection);
    const claims = g.fold(claimsProjection);
    expect(corroboration(attributions, claims, KEY)).toMatchObject({
      status: 'corroborated',
      sources: [{ source: 'ruritania', outlets: ['Daily Ledger', 'Harbour Times'] }, { source: 'genovia' }],
    });
    expect(corroboration(attributions, claims, 'PledgeMade:genovia:-')).toMatchObject({
      status: 'single-source',
      sources: [{ source: 'genovia', claimIds: [lone] }],
    });
    expect(listAttributions(attributions, claims, { status: 'single-source' }).items.map((a) => a.key)).toEqual(['PledgeMade:genovia:-']);
  });

  it("counts the outlet's own unattributed reporting once per outlet", () => {
    const g = given();
    for (const outlet of ['Daily Ledger', 'Daily Ledger', 'Harbour Times']) {
      const a = g.article(`Ruritania pledged aid, ${outlet} reported.`, { outlet });
      g.claim(a, { source: { party: null, mention: '' } });
    }
    const c = corroboration(g.fold(attributionsProjection), g.fold(claimsProjection), 'PledgeMade:ruritania:-');
    expect(c.sources.map((s) => s.source)).toEqual(['~outlet@daily-ledger', '~outlet@harbour-times']);
  });

  it('moves a claim to its new key when its type is corrected, and hides retractions', () => {
    const { g, c2, c3 } = world();
    g.correct(c2, { type: 'PledgeMade', topics: ['trade'] });
    g.retract(c3);
    const attributions = g.fold(attributionsProjection);
    const claims = g.fold(claimsProjection);
    expect(attributions.claims.get(c2)).toBe('PledgeMade:ruritania:genovia');
    expect(corroboration(attributions, claims, KEY)).toMatchObject({ status: 'single-source' });
    expect(getAttribution(attributions, claims, KEY, { includeRetracted: true })!.claims).toBe(2);
    expect(listAttributions(attributions, claims, { actor: 'ruritania' }).items.map((a) => a.key)).toEqual([KEY, 'PledgeMade:ruritania:genovia']);
  });

  it('filters by type, party, topic, source and date and paginates in a stable order', () => {
    const { g } = world();
    const attributions = g.fold(attributionsProjection);
    const claims = g.fold(claimsProjection);
    expect(listAttributions(attributions, claims).items.map((a) => a.key)).toEqual([KEY, 'PledgeMade:genovia:-']);
    expect(listAttributions(attributions, claims, { type: 'PledgeMade' }).total).toBe(1);
    expect(listAttributions(attributions, claims, { party: 'genovia' }).total).toBe(2);
    expect(listAttributions(attributions, claims, { target: 'genovia', topic: 'diplomacy' }).total).toBe(1);
    expect(listAttributions(attributions, claims, { topic: 'trade' }).items.map((a) => [a.key, a.topics])).toEqual([['PledgeMade:genovia:-', ['trade']]]);
    expect(listAttributions(attributions, claims, { source: 'genovia' }).total).toBe(2);
    expect(listAttributions(attributions, claims, { from: Date.parse('2031-02-02') }).total).toBe(2);
    expect(listAttributions(attributions, claims, { to: Date.parse('2031-02-01') }).total).toBe(1);
    expect(listAttributions(attributions, claims, {}, { offset: 1, limit: 1 })).toMatchObject({ total: 2, items: [{ key: 'PledgeMade:genovia:-' }] });
  });
});
