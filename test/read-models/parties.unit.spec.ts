import { describe, expect, it } from '@jest/globals';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { partiesProjection } from '../../src/read-models/parties/parties.projection.js';
import { getParty, listParties } from '../../src/read-models/parties/parties.queries.js';
import { given } from './given.js';

const BODY =
  'Its foreign ministry said Ruritania invited Genovia to talks. A Genovian official confirmed the invitation. Ruritania raised concerns about smuggling.';

const world = () => {
  const g = given();
  const a = g.article(BODY);
  const invite1 = g.claim(a, {
    type: 'InvitationExtended',
    actors: ['ruritania'],
    targets: ['genovia'],
    source: { party: 'ruritania', mention: 'its foreign ministry' },
  });
  const invite2 = g.claim(a, {
    type: 'InvitationExtended',
    actors: ['ruritania'],
    targets: ['genovia'],
    source: { party: 'genovia', mention: 'A Genovian official' },
    evidence: 'A Genovian official confirmed the invitation.',
  });
  const concern = g.claim(a, {
    type: 'ConcernRaised',
    actors: ['ruritania'],
    targets: ['?smugglers'],
    source: 'genovia',
    topics: ['security'],
    evidence: 'Ruritania raised concerns about smuggling.',
  });
  return { g, invite1, invite2, concern };
};

describe('parties read model', () => {
  it('shows what a party did by type as actor, with every source for each', () => {
    const { g, invite1, invite2, concern } = world();
    const detail = getParty(g.fold(partiesProjection), g.fold(claimsProjection), 'ruritania')!;
    expect(detail.asActor.map((t) => [t.type, t.count])).toEqual([
      ['InvitationExtended', 2],
      ['ConcernRaised', 1],
    ]);
    expect(detail.asActor[0].sources.map((s) => [s.source, s.mentions])).toEqual([
      ['genovia', ['A Genovian official']],
      ['ruritania', ['its foreign ministry']],
    ]);
    expect(detail.asSource.count).toBe(1);
    expect(detail.claims.items.map((c) => c.claimId).sort()).toEqual([invite1, invite2, concern].sort());
    expect(detail.claims.items.find((c) => c.claimId === invite1)!.roles).toEqual(['actor', 'source']);
  });

  it('shows what was done to a party as target, and unresolved parties by their mention', () => {
    const { g, concern } = world();
    const parties = g.fold(partiesProjection);
    const claims = g.fold(claimsProjection);
    expect(getParty(parties, claims, 'genovia')!.asTarget.map((t) => [t.type, t.count])).toEqual([['InvitationExtended', 2]]);
    expect(getParty(parties, claims, '~smugglers')).toMatchObject({ party: null, label: 'smugglers', asTarget: [{ type: 'ConcernRaised', count: 1 }] });
    expect(getParty(parties, claims, '~smugglers')!.claims.items[0].claimId).toBe(concern);
    expect(getParty(parties, claims, 'atlantis')).toBeNull();
  });

  it('moves a claim between types and parties when corrected, and drops emptied parties', () => {
    const { g, concern } = world();
    g.correct(concern, { type: 'AccusationLevelled', targets: [{ party: 'genovia', mention: 'Genovia' }] });
    const parties = g.fold(partiesProjection);
    const claims = g.fold(claimsProjection);
    expect(parties.parties.has('~smugglers')).toBe(false);
    expect(getParty(parties, claims, 'ruritania')!.asActor.map((t) => t.type)).toEqual(['InvitationExtended', 'AccusationLevelled']);
    expect(getParty(parties, claims, 'genovia')!.asTarget.map((t) => [t.type, t.count])).toEqual([
      ['InvitationExtended', 2],
      ['AccusationLevelled', 1],
    ]);
  });

  it('hides retracted claims unless asked; lists parties by claims then key, filtered and paginated', () => {
    const { g, invite2 } = world();
    g.retract(invite2);
    const parties = g.fold(partiesProjection);
    const claims = g.fold(claimsProjection);
    expect(getParty(parties, claims, 'ruritania')!.asActor[0].count).toBe(1);
    expect(getParty(parties, claims, 'ruritania', { includeRetracted: true })!.asActor[0].count).toBe(2);
    const list = listParties(parties, claims);
    expect(list.items.map((p) => [p.key, p.total])).toEqual([
      ['ruritania', 3],
      ['genovia', 2],
      ['~smugglers', 1],
    ]);
    expect(listParties(parties, claims, { role: 'target', type: 'ConcernRaised' }).items.map((p) => p.key)).toEqual(['~smugglers']);
    expect(listParties(parties, claims, { q: 'geno' }).items.map((p) => p.key)).toEqual(['genovia']);
    expect(listParties(parties, claims, {}, { offset: 1, limit: 1 })).toMatchObject({ total: 3, items: [{ key: 'genovia' }] });
    expect(getParty(parties, claims, 'ruritania', { role: 'source' })!.claims.total).toBe(1);
    expect(getParty(parties, claims, 'ruritania', { type: 'ConcernRaised' })!.claims.total).toBe(1);
  });
});
