// Syndicated copies in the read models: one story told by three outlets is one independent report on
// /attributions, its articles are never paired on /conflicts, and each article names the others.
import { describe, expect, it } from '@jest/globals';
import { articlesProjection } from '../../src/read-models/articles/articles.projection.js';
import { getArticle } from '../../src/read-models/articles/articles.queries.js';
import { attributionsProjection } from '../../src/read-models/attributions/attributions.projection.js';
import { listAttributions } from '../../src/read-models/attributions/attributions.queries.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { conflictsProjection } from '../../src/read-models/conflicts/conflicts.projection.js';
import { given, type ClaimSpec } from './given.js';

const BODY = 'Ruritania pledged to reopen the border crossing, diplomats said. Talks will resume next week.';
// An unresolved source ("diplomats") can only be told apart within its outlet: three outlets, three sources, unless they are one story.
const PLEDGE: ClaimSpec = { type: 'PledgeMade', actors: ['ruritania'], source: { mention: 'diplomats', cue: 'said' } };
const OUTLETS = ['Wire One', 'Harbour Times', 'Evening Post'];

/** The same story from three outlets, a claim in each; `copies`: whether ingest recognised them; `late`: recognised after the claims arrived. */
const story = (opts: { copies: boolean; late?: boolean; topics?: Array<ClaimSpec['topics']> }) => {
  const g = given();
  const ids = OUTLETS.map((outlet) => g.article(BODY, { outlet, publishedAt: '2031-04-02' }));
  const recognise = () => ids.slice(1).forEach((id, i) => g.copy(id, ids[0], 0.7 - i / 10));
  if (opts.copies && !opts.late) recognise();
  ids.forEach((id, i) => g.claim(id, { ...PLEDGE, topics: opts.topics?.[i] ?? ['diplomacy'] }));
  if (opts.copies && opts.late) recognise();
  return { g, ids };
};

const attributionOf = (g: ReturnType<typeof given>) => listAttributions(g.fold(attributionsProjection), g.fold(claimsProjection)).items[0];

describe('a story republished by three outlets', () => {
  it('without recognised copies, counts three reports from three sources; recognised, one report from one source', () => {
    expect(attributionOf(story({ copies: false }).g)).toMatchObject({ articles: 3, reports: 3, status: 'corroborated' });
    for (const late of [false, true]) {
      const a = attributionOf(story({ copies: true, late }).g);
      expect(a).toMatchObject({ articles: 3, reports: 1, status: 'single-source' });
      expect(a.sources).toHaveLength(1);
      // The outlets that carried it are all still shown.
      expect(a.sources[0].outlets).toEqual([...OUTLETS].sort());
    }
  });

  it('never pairs the claims of one story in a conflict, recognised before or after its claims arrive', () => {
    // Different topics for one pledge: across three independent articles, competing accounts.
    const topics: Array<ClaimSpec['topics']> = [['trade'], ['military'], ['migration']];
    expect(story({ copies: false, topics }).g.fold(conflictsProjection).conflicts.size).toBe(3);
    for (const late of [false, true]) expect(story({ copies: true, late, topics }).g.fold(conflictsProjection).conflicts.size).toBe(0);
  });

  it('still pairs a copy with an independent report, and a copy takes no part in its key denials', () => {
    const { g, ids } = story({ copies: true, topics: [['trade'], ['military'], ['trade']] });
    const other = g.article(BODY, { outlet: 'Wire Two', publishedAt: '2031-04-03' });
    g.claim(other, { ...PLEDGE, topics: ['trade'] });
    g.claim(other, { ...PLEDGE, polarity: 'denied', source: 'genovia' });
    const conflicts = [...g.fold(conflictsProjection).conflicts.values()];
    const claimsOf = (articleId: string) => [...g.fold(claimsProjection).claims.keys()].filter((id) => id.startsWith(articleId));
    const [copyClaim] = claimsOf(ids[1]);
    const pairs = conflicts.filter((c) => c.kind === 'competing-account');
    // The military copy against the independent trade report; never against its own story.
    expect(pairs.map((c) => [...c.a, ...c.b].sort())).toEqual([[copyClaim, claimsOf(other)[0]].sort()]);
    const denial = conflicts.find((c) => c.kind === 'denial')!;
    expect(denial.b).toEqual([claimsOf(ids[0])[0], claimsOf(other)[0]]);
  });

  it('a withdrawn copy leaves its story, and a forced re-ingest records it as a copy again', () => {
    const { g, ids } = story({ copies: true });
    g.withdraw(ids[1]);
    expect(getArticle(g.fold(articlesProjection), ids[0])!.copies.map((c) => c.articleId)).toEqual([ids[2]]);
    expect(attributionOf(g)).toMatchObject({ articles: 2, reports: 1 });
    g.reingest(ids[1]);
    expect(getArticle(g.fold(articlesProjection), ids[1])!.copyOf).toMatchObject({ articleId: ids[0] });
    expect(attributionOf(g)).toMatchObject({ articles: 3, reports: 1, status: 'single-source' });
  });

  it('each article names its original or its copies', () => {
    const { g, ids } = story({ copies: true });
    const articles = g.fold(articlesProjection);
    expect(getArticle(articles, ids[0])).toMatchObject({
      copyOf: null,
      copies: [{ articleId: ids[1], outlet: 'Harbour Times', similarity: 0.7 }, { articleId: ids[2], outlet: 'Evening Post', similarity: 0.6 }],
    });
    expect(getArticle(articles, ids[2])).toMatchObject({ copyOf: { articleId: ids[0], outlet: 'Wire One', title: 'Article 1' }, copies: [] });
  });
});
