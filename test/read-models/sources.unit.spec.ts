import { describe, expect, it } from '@jest/globals';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { sourcesProjection } from '../../src/read-models/sources/sources.projection.js';
import { getSource, listSources } from '../../src/read-models/sources/sources.queries.js';
import { given } from './given.js';

const world = () => {
  const g = given();
  const a1 = g.article('Ruritania pledged aid. Genovia raised concerns about the dam.', { outlet: 'Daily Ledger' });
  const c1 = g.claim(a1, { source: 'ruritania' });
  const c2 = g.claim(a1, {
    type: 'ConcernRaised',
    actors: ['genovia'],
    source: { party: null, mention: '' },
    evidence: 'Genovia raised concerns about the dam.',
  });
  const a2 = g.article('Ruritania pledged more aid.', { outlet: 'Harbour Times' });
  const c3 = g.claim(a2, { source: 'ruritania' });
  return { g, c1, c2, c3 };
};

describe('sources read model', () => {
  it('lists which claims rest on each source party and each outlet', () => {
    const { g, c1, c3 } = world();
    const sources = g.fold(sourcesProjection);
    const claims = g.fold(claimsProjection);
    expect(listSources(sources, claims).items.map((s) => [s.key, s.kind, s.claims])).toEqual([
      ['@daily-ledger', 'outlet', 2],
      ['ruritania', 'source', 2],
      ['@harbour-times', 'outlet', 1],
      ['~outlet', 'source', 1],
    ]);
    const detail = getSource(sources, claims, 'ruritania', {}, {}, 'oldest')!;
    expect(detail.items.items.map((c) => c.claimId)).toEqual([c1, c3]);
    expect(detail.carriers.map((c) => [c.key, c.label, c.claims])).toEqual([
      ['@daily-ledger', 'Daily Ledger', 1],
      ['@harbour-times', 'Harbour Times', 1],
    ]);
    expect(getSource(sources, claims, '@daily-ledger')!.carriers.map((c) => c.key)).toEqual(['ruritania', '~outlet']);
    expect(listSources(sources, claims, { kind: 'outlet' }, { limit: 1 })).toMatchObject({ total: 2, items: [{ key: '@daily-ledger' }] });
  });

  it('moves a claim to its corrected source and hides retracted ones unless asked', () => {
    const { g, c1, c3 } = world();
    g.correct(c1, { source: { party: 'genovia', mention: 'Genovian officials', cue: 'said', via: null } });
    g.retract(c3);
    const sources = g.fold(sourcesProjection);
    const claims = g.fold(claimsProjection);
    expect(getSource(sources, claims, 'genovia')!.items.items.map((c) => c.claimId)).toEqual([c1]);
    expect(getSource(sources, claims, 'ruritania')!.claims).toBe(0);
    expect(getSource(sources, claims, 'ruritania', { includeRetracted: true })!.claims).toBe(1);
    expect(listSources(sources, claims).items.map((s) => s.key)).not.toContain('ruritania');
  });
});
