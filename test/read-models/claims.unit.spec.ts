import { describe, expect, it } from '@jest/globals';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { getClaim, listClaims } from '../../src/read-models/claims/claims.queries.js';
import { parseBound } from '../../src/read-models/shared/dates.js';
import { given } from './given.js';

const BODY = 'Ruritania pledged grain to Genovia. Genovia accused Ruritania of border raids. Elders raised concerns about the dam.';

const world = () => {
  const g = given();
  const a1 = g.article(BODY, { title: 'Grain and raids', outlet: 'Daily Ledger', publishedAt: '2031-02-10' });
  const pledge = g.claim(a1, { type: 'PledgeMade', actors: ['ruritania'], targets: ['genovia'], source: 'ruritania', topics: ['trade'] });
  const accusation = g.claim(a1, {
    type: 'AccusationLevelled', actors: ['genovia'], targets: ['ruritania'], source: 'genovia', topics: ['military'],
    evidence: 'Genovia accused Ruritania of border raids.',
  });
  const concern = g.claim(a1, {
    type: 'ConcernRaised', actors: ['?elders'], targets: [], source: { party: null, mention: 'a local reporter' }, topics: ['infrastructure'],
    evidence: 'Elders raised concerns about the dam.',
  });
  const a2 = g.article('Genovia pledged to reopen the crossing.', { outlet: 'Harbour Times', publishedAt: null });
  const late = g.claim(a2, { type: 'PledgeMade', actors: ['genovia'], targets: ['ruritania'], source: 'genovia', topics: ['trade'] });
  return { g, a1, a2, pledge, accusation, concern, late };
};

describe('claims read model', () => {
  it('lists every live claim with its article, newest article first, and finds one by id', () => {
    const { g, a1, pledge, late } = world();
    const state = g.fold(claimsProjection);
    const page = listClaims(state);
    expect(page).toMatchObject({ total: 4, offset: 0, limit: 50 });
    // The undated article falls back to when it was recorded (later than 2031-02-10).
    expect(page.items[0].claimId).toBe(late);
    expect(getClaim(state, pledge)).toMatchObject({
      claimId: pledge, type: 'PledgeMade', key: 'PledgeMade:ruritania:genovia', retracted: false, corrections: 0,
      article: { articleId: a1, title: 'Grain and raids', outlet: 'Daily Ledger', publishedAt: '2031-02-10' },
      evidence: { start: 0, end: 35 },
    });
    expect(getClaim(state, 'nope')).toBeNull();
  });

  it('applies corrections in order, including a type change', () => {
    const { g, pledge } = world();
    g.correct(pledge, { content: 'grain at cost' });
    g.correct(pledge, { type: 'InvitationExtended', topics: ['diplomacy'] });
    const view = getClaim(g.fold(claimsProjection), pledge)!;
    expect(view).toMatchObject({ type: 'InvitationExtended', content: 'grain at cost', topics: ['diplomacy'], corrections: 2 });
    expect(view.key).toBe('InvitationExtended:ruritania:genovia');
    expect(view.correctedAt).not.toBeNull();
  });

  it('hides retracted claims unless asked, and still finds them by id, flagged with the reason', () => {
    const { g, accusation } = world();
    g.retract(accusation, 'misread the quote');
    const state = g.fold(claimsProjection);
    expect(listClaims(state).items.map((c) => c.claimId)).not.toContain(accusation);
    expect(listClaims(state, { includeRetracted: true }).total).toBe(4);
    expect(getClaim(state, accusation)).toMatchObject({ retracted: true, retraction: { reason: 'misread the quote', recordedBy: 'analyst:kim' } });
  });

  it('filters by type, actor, target, party, source, outlet, topic, polarity, article, key and dates', () => {
    const { g, a1, a2, pledge, accusation, concern, late } = world();
    const state = g.fold(claimsProjection);
    const ids = (f: Parameters<typeof listClaims>[1]) => listClaims(state, f, {}, 'oldest').items.map((c) => c.claimId);
    expect(ids({ type: 'PledgeMade' })).toEqual([pledge, late]);
    expect(ids({ actor: 'genovia' })).toEqual([accusation, late]);
    expect(ids({ target: 'ruritania' })).toEqual([accusation, late]);
    expect(ids({ party: '~elders' })).toEqual([concern]);
    expect(ids({ source: '~a-local-reporter' })).toEqual([concern]);
    expect(ids({ source: 'genovia' })).toEqual([accusation, late]);
    expect(ids({ outlet: 'harbour-times' })).toEqual([late]);
    expect(ids({ topic: 'military' })).toEqual([accusation]);
    expect(ids({ polarity: 'denied' })).toEqual([]);
    expect(ids({ article: a2 })).toEqual([late]);
    expect(ids({ key: 'AccusationLevelled:genovia:ruritania' })).toEqual([accusation]);
    expect(ids({ from: parseBound('2031-02-10', 'from')!, to: parseBound('2031-02-10', 'to')! })).toEqual([pledge, accusation, concern]);
    expect(ids({ from: parseBound('2031-02-11', 'from')! })).toEqual([late]);
    expect(a1).not.toBe(a2);
  });

  it('paginates a deterministic order', () => {
    const { g } = world();
    const state = g.fold(claimsProjection);
    const all = listClaims(state, {}, { limit: 500 }).items.map((c) => c.claimId);
    const pages = [0, 1, 2, 3].flatMap((offset) => listClaims(state, {}, { offset, limit: 1 }).items.map((c) => c.claimId));
    expect(pages).toEqual(all);
    expect(listClaims(state, {}, { offset: 3, limit: 2 })).toMatchObject({ total: 4, offset: 3, limit: 2, items: [expect.anything()] });
    expect(listClaims(state, {}, { limit: 10_000 }).limit).toBe(500);
    expect(listClaims(state, {}, { offset: -5, limit: 0 })).toMatchObject({ offset: 0, limit: 1 });
  });
});
