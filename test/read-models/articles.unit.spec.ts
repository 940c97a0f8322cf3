import { describe, expect, it } from '@jest/globals';
import { articlesProjection } from '../../src/read-models/articles/articles.projection.js';
import { getArticle, listArticles } from '../../src/read-models/articles/articles.queries.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { parseBound } from '../../src/read-models/shared/dates.js';
import { given } from './given.js';

const BODY = 'Ruritania pledged aid. Genovia raised concerns about the dam.';

describe('articles read model', () => {
  it('keeps headline, outlet, date, body once, and its claims with evidence offsets in reading order', () => {
    const g = given();
    const a = g.article(BODY, { title: 'Aid and a dam', outlet: 'Daily Ledger', publishedAt: '2031-01-05' });
    const late = g.claim(a, { type: 'ConcernRaised', evidence: 'Genovia raised concerns about the dam.' });
    const early = g.claim(a, { evidence: 'Ruritania pledged aid.' });
    const detail = getArticle(g.fold(articlesProjection), a, { claims: g.fold(claimsProjection) })!;
    expect(detail).toMatchObject({ articleId: a, title: 'Aid and a dam', outlet: 'Daily Ledger', publishedAt: '2031-01-05', body: BODY, claims: 2 });
    expect(detail.claimRefs.map((c) => [c.claimId, c.start, c.end])).toEqual([[early, 0, 22], [late, 23, BODY.length]]);
    expect(BODY.slice(detail.claimRefs[1].start, detail.claimRefs[1].end)).toBe(detail.claimRefs[1].claim!.evidence.text);
    expect(getArticle(g.fold(articlesProjection), a)!.claimRefs[0].claim).toBeUndefined();
  });

  it('follows corrections of type and offsets, hides retracted claims unless asked', () => {
    const g = given();
    const a = g.article(BODY);
    const c1 = g.claim(a);
    const c2 = g.claim(a, { evidence: 'Genovia raised concerns about the dam.' });
    g.correct(c1, { type: 'InvitationExtended', evidence: { text: 'pledged aid', start: 10, end: 21 } });
    g.retract(c2);
    const state = g.fold(articlesProjection);
    expect(getArticle(state, a)!.claimRefs).toEqual([{ claimId: c1, type: 'InvitationExtended', start: 10, end: 21, retracted: false }]);
    expect(getArticle(state, a, { includeRetracted: true })!.claimRefs.map((c) => [c.claimId, c.retracted])).toEqual([[c1, false], [c2, true]]);
  });

  it('lists articles newest first without bodies, filtered by outlet, title, type and date, paginated', () => {
    const g = given();
    const a1 = g.article(BODY, { outlet: 'Daily Ledger', publishedAt: '2031-01-05', title: 'Aid' });
    const a2 = g.article('Genovia accused Ruritania of raids.', { outlet: 'Harbour Times', publishedAt: '2031-01-07', title: 'Raids' });
    g.claim(a2, { type: 'AccusationLevelled' });
    const state = g.fold(articlesProjection);
    const ids = (f: Parameters<typeof listArticles>[1]) => listArticles(state, f).items.map((x) => x.articleId);
    expect(ids({})).toEqual([a2, a1]);
    expect(listArticles(state).items[0]).not.toHaveProperty('body');
    expect(ids({ outlet: 'daily-ledger' })).toEqual([a1]);
    expect(ids({ q: 'raid' })).toEqual([a2]);
    expect(ids({ type: 'AccusationLevelled' })).toEqual([a2]);
    expect(ids({ to: parseBound('2031-01-06', 'to')! })).toEqual([a1]);
    expect(listArticles(state, {}, { offset: 1, limit: 1 })).toMatchObject({ total: 2, items: [{ articleId: a1 }] });
  });
});
