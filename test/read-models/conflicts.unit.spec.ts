import { describe, expect, it } from '@jest/globals';
import { attributionsProjection } from '../../src/read-models/attributions/attributions.projection.js';
import { claimsProjection } from '../../src/read-models/claims/claims.projection.js';
import { conflictsProjection, type ConflictsState } from '../../src/read-models/conflicts/conflicts.projection.js';
import { conflictsOfClaim, getConflict, listConflicts } from '../../src/read-models/conflicts/conflicts.queries.js';
import { indexSentences } from '../../src/read-models/conflicts/sentences.js';
import type { Topic } from '../../src/domain/claim.js';
import { given, party } from './given.js';

const summary = (s: ConflictsState) => [...s.conflicts.values()].map((c) => ({ kind: c.kind, basis: c.basis, a: c.a, b: c.b }));

// Structurally the seed's situation: one source's account of a call (a concern about a militia),
// then, opened by "However", a spokesman of the same party saying it was about workers abroad.
const CALL =
  'Ruritania’s ministry said it had invited Genovia’s foreign minister to visit. ' +
  'The invitation came during a call between the two ministers. ' +
  'A senior Genovian official confirmed the invitation and said the Ruritanian minister reiterated concerns about the Red Hand militia. ' +
  'However, a Genovian ministry spokesman said the call was largely about Genovian workers in Ruritania.';

const call = (spokesmanTopics: Topic[] = ['migration']) => {
  const g = given();
  const a = g.article(CALL);
  const invitation = g.claim(a, {
    type: 'InvitationExtended',
    actors: ['ruritania'],
    targets: ['genovia'],
    source: { party: 'ruritania', mention: 'Ruritania’s ministry' },
  });
  const confirmed = g.claim(a, {
    type: 'InvitationExtended',
    actors: ['ruritania'],
    targets: ['genovia'],
    source: { party: 'genovia', mention: 'A senior Genovian official' },
    evidence: 'A senior Genovian official confirmed the invitation and said the Ruritanian minister reiterated concerns about the Red Hand militia.',
  });
  const militia = g.claim(a, {
    type: 'ConcernRaised',
    actors: ['ruritania'],
    targets: ['red-hand'],
    source: { party: 'genovia', mention: 'A senior Genovian official' },
    topics: ['terrorism', 'security'],
    content: 'activities of the Red Hand militia',
    evidence: 'A senior Genovian official confirmed the invitation and said the Ruritanian minister reiterated concerns about the Red Hand militia.',
  });
  const workers = g.claim(a, {
    type: 'ConcernRaised',
    actors: ['genovia'],
    targets: ['ruritania'],
    source: { party: 'genovia', mention: 'a Genovian ministry spokesman' },
    topics: spokesmanTopics,
    content: 'situation of Genovian workers in Ruritania',
    evidence: 'However, a Genovian ministry spokesman said the call was largely about Genovian workers in Ruritania.',
  });
  return { g, a, invitation, confirmed, militia, workers };
};

describe('sentences', () => {
  it('finds sentence starts and the contrast cues that open them', () => {
    const { starts, cues } = indexSentences('U.S. envoys met. But talks stalled.\nMeanwhile, Genovia waited. "Yet no deal," he said.');
    expect(starts).toEqual([0, 17, 36, 63]);
    expect(cues).toEqual({ 1: 'but', 2: 'meanwhile', 3: 'yet' });
  });
});

describe('sentences from extraction', () => {
  // One line, so the fallback split sees one sentence with no cue; the extractor saw two, the second opened by "however".
  const BODY = 'Ruritania’s minister raised concerns about the militia, an official said; however a spokesman said it was about workers.';
  const accounts = (placed: boolean) => {
    const g = given();
    const a = g.article(BODY);
    const place = (sentence: number, contrastCue?: string) => (placed ? { sentence, contrastCue } : {});
    const militia = g.claim(a, {
      type: 'ConcernRaised',
      actors: ['ruritania'],
      targets: ['genovia'],
      source: 'genovia',
      topics: ['security'],
      evidence: BODY,
      ...place(0),
    });
    const workers = g.claim(a, {
      type: 'ConcernRaised',
      actors: ['ruritania'],
      targets: ['genovia'],
      source: { party: 'genovia', mention: 'a spokesman' },
      topics: ['migration'],
      evidence: BODY,
      ...place(1, 'however'),
    });
    return { g, militia, workers };
  };

  it('places claims by the sentence and contrast cue the extractor recorded, not by splitting the text again', () => {
    const { g, militia, workers } = accounts(true);
    expect(summary(g.fold(conflictsProjection))).toEqual([{ kind: 'competing-account', basis: 'contrast-cue', a: [militia], b: [workers] }]);
  });

  it('falls back to its own split for claims without a placement (analysts, extractors before 2.1)', () => {
    const { g } = accounts(false);
    expect(summary(g.fold(conflictsProjection)).filter((c) => c.basis === 'contrast-cue')).toEqual([]);
  });
});

describe('competing accounts in one article', () => {
  it('finds the account opened by a contrast cue that gives other topics for the same occasion', () => {
    const { g, militia, workers } = call();
    const state = g.fold(conflictsProjection);
    expect(summary(state)).toEqual([{ kind: 'competing-account', basis: 'contrast-cue', a: [militia], b: [workers] }]);
    const view = listConflicts(state, g.fold(claimsProjection)).items[0];
    expect(view.why).toContain('"however"');
    expect(view.a[0]).toMatchObject({
      claimId: militia,
      source: { mention: 'A senior Genovian official' },
      evidence: { text: expect.stringContaining('Red Hand') },
    });
    expect(view.b[0]).toMatchObject({ claimId: workers, source: { mention: 'a Genovian ministry spokesman' } });
  });

  it('finds none when the accounts agree on the topic, or come from the same source', () => {
    expect(call(['terrorism']).g.fold(conflictsProjection).conflicts.size).toBe(0);
    const { g, workers } = call();
    g.correct(workers, { source: { party: 'genovia', mention: 'A senior Genovian official', cue: 'said', via: null } });
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
  });

  it('needs a shared party and a cue close enough', () => {
    const { g, workers } = call();
    g.correct(workers, { actors: [{ party: 'latveria', mention: 'Latveria' }], targets: [] });
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
    const far = given();
    const a = far.article(
      'Ruritania voiced concern about raids, an official said. Talks went on. Talks ended. Talks resumed. ' +
        'But a spokesman said Ruritania was worried about trade.',
    );
    far.claim(a, { type: 'ConcernRaised', topics: ['military'], source: { party: 'ruritania', mention: 'an official' } });
    far.claim(a, {
      type: 'ConcernRaised',
      topics: ['trade'],
      source: { party: 'ruritania', mention: 'a spokesman' },
      evidence: 'But a spokesman said Ruritania was worried about trade.',
    });
    expect(far.fold(conflictsProjection).conflicts.size).toBe(0);
  });

  it('without a cue, takes only adjacent accounts of exactly the same parties', () => {
    const g = given();
    const a = g.article(
      'Ruritania raised concerns with Genovia about raids, officials said. A diplomat said Ruritania raised concerns with Genovia about tariffs.',
    );
    const x = g.claim(a, { type: 'ConcernRaised', targets: ['genovia'], topics: ['military'], source: { party: 'ruritania', mention: 'officials' } });
    const y = g.claim(a, {
      type: 'ConcernRaised',
      targets: ['genovia'],
      topics: ['trade'],
      source: { party: 'latveria', mention: 'A diplomat' },
      evidence: 'A diplomat said Ruritania raised concerns with Genovia about tariffs.',
    });
    expect(summary(g.fold(conflictsProjection))).toEqual([{ kind: 'competing-account', basis: 'adjacent', a: [x], b: [y] }]);
    g.correct(y, { targets: [{ party: 'latveria', mention: 'Latveria' }] });
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
  });
});

describe('competing accounts across articles', () => {
  const twoArticles = (secondDate: string, secondSource = 'genovia', topics: Topic[] = ['trade']) => {
    const g = given();
    const a1 = g.article('Ruritania accused Genovia of shelling border villages.', { publishedAt: '2031-04-01' });
    const x = g.claim(a1, { type: 'AccusationLevelled', targets: ['genovia'], topics: ['military'], source: 'ruritania' });
    const a2 = g.article('Ruritania accused Genovia of dumping steel.', { publishedAt: secondDate, outlet: 'Harbour Times' });
    const y = g.claim(a2, { type: 'AccusationLevelled', targets: ['genovia'], topics, source: secondSource });
    return { g, x, y };
  };

  it('finds the same act by the same parties given disjoint topics by different sources, close in time', () => {
    const { g, x, y } = twoArticles('2031-04-02');
    expect(summary(g.fold(conflictsProjection))).toEqual([{ kind: 'competing-account', basis: 'cross-article', a: [x], b: [y] }]);
  });

  it('finds none when far apart, from the same source, or agreeing on the topic', () => {
    expect(twoArticles('2031-04-20').g.fold(conflictsProjection).conflicts.size).toBe(0);
    expect(twoArticles('2031-04-02', 'ruritania').g.fold(conflictsProjection).conflicts.size).toBe(0);
    expect(twoArticles('2031-04-02', 'genovia', ['military', 'trade']).g.fold(conflictsProjection).conflicts.size).toBe(0);
  });
});

describe('denials', () => {
  const world = () => {
    const g = given();
    const a1 = g.article('Genovia said Ruritania pledged to withdraw its troops.', { publishedAt: '2031-05-01' });
    const asserted = g.claim(a1, { actors: ['ruritania'], topics: ['military'], source: 'genovia' });
    const a2 = g.article('Ruritania denied it had pledged any withdrawal.', { publishedAt: '2031-05-03' });
    const denied = g.claim(a2, { actors: ['ruritania'], topics: ['military'], source: 'ruritania', polarity: 'denied' });
    return { g, asserted, denied };
  };

  it('sets a denial only against the asserted claims of its key published within three days of it', () => {
    const { g, asserted, denied } = world();
    const late = g.article('Ruritania again denied it had pledged any withdrawal.', { publishedAt: '2031-06-01' });
    const lateDenial = g.claim(late, { actors: ['ruritania'], topics: ['military'], source: 'ruritania', polarity: 'denied' });
    const state = g.fold(conflictsProjection);
    expect(summary(state)).toEqual([{ kind: 'denial', basis: 'same-key', a: [denied], b: [asserted] }]);
    expect(conflictsOfClaim(state, lateDenial)).toEqual([]);
    // A report of the pledge a day before the late denial: now it denies that one, and only that one.
    const recent = g.article('Genovia said again that Ruritania pledged to withdraw.', { publishedAt: '2031-05-31' });
    const again = g.claim(recent, { actors: ['ruritania'], topics: ['military'], source: 'genovia' });
    const later = g.fold(conflictsProjection);
    expect(conflictsOfClaim(later, lateDenial).map((c) => ({ a: c.a, b: c.b, why: c.why }))).toEqual([{
      a: [lateDenial], b: [again], why: '"Ruritania" denies what 1 asserted claim of PledgeMade:ruritania:- published within 3 days of it states.',
    }]);
  });

  it('sets a denial against the asserted claims of the same key, in any article', () => {
    const { g, asserted, denied } = world();
    const state = g.fold(conflictsProjection);
    expect(summary(state)).toEqual([{ kind: 'denial', basis: 'same-key', a: [denied], b: [asserted] }]);
    expect(conflictsOfClaim(state, asserted).map((c) => c.kind)).toEqual(['denial']);
  });

  it('keeps the denial whatever topics either report gives the act: the topic is no part of a key', () => {
    const { g, asserted, denied } = world();
    g.correct(denied, { topics: ['trade'] });
    expect(summary(g.fold(conflictsProjection))).toEqual([{ kind: 'denial', basis: 'same-key', a: [denied], b: [asserted] }]);
  });

  it('finds none for another key, and follows corrections and retractions at once', () => {
    const { g, asserted, denied } = world();
    g.correct(denied, { targets: [party('genovia')] });
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
    g.correct(denied, { targets: [] });
    const id = [...g.fold(conflictsProjection).conflicts.keys()][0];
    expect(id).toMatch(/^dn-[0-9a-f]{16}$/);
    g.correct(asserted, { content: 'withdraw all troops' });
    expect([...g.fold(conflictsProjection).conflicts.keys()]).toEqual([id]);
    g.retract(asserted);
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
  });
});

describe('actor disagreements', () => {
  const world = (secondContent = 'rebuild the Kessel river bridge', secondSource = 'latveria') => {
    const g = given();
    const a1 = g.article('Ruritania pledged to rebuild the Kessel bridge.', { publishedAt: '2031-07-01' });
    const x = g.claim(a1, { actors: ['ruritania'], topics: ['infrastructure'], content: 'rebuild the Kessel bridge', source: 'ruritania' });
    const a2 = g.article('Genovia pledged to rebuild the bridge.', { publishedAt: '2031-07-02' });
    const y = g.claim(a2, { actors: ['genovia'], topics: ['infrastructure'], content: secondContent, source: secondSource });
    return { g, x, y };
  };

  it('finds the same act credited to different actors by different sources', () => {
    const { g, x, y } = world();
    const state = g.fold(conflictsProjection);
    expect(summary(state)).toEqual([{ kind: 'actor-disagreement', basis: 'same-act', a: [x], b: [y] }]);
    expect(state.conflicts.values().next().value!.why).toContain('credited to ruritania');
  });

  it('finds none when the act differs or one source credits both', () => {
    expect(world('fund rural schools').g.fold(conflictsProjection).conflicts.size).toBe(0);
    expect(world(undefined, 'ruritania').g.fold(conflictsProjection).conflicts.size).toBe(0);
  });

  it('finds none between two parties each announcing its own deed', () => {
    const g = given();
    const a1 = g.article('Ruritania pledged to rebuild the Kessel bridge.', { publishedAt: '2031-07-01' });
    g.claim(a1, { actors: ['ruritania'], topics: ['infrastructure'], content: 'rebuild the Kessel bridge', source: 'ruritania' });
    const a2 = g.article('Genovia pledged to rebuild the Kessel bridge.', { publishedAt: '2031-07-02' });
    g.claim(a2, { actors: ['genovia'], topics: ['infrastructure'], content: 'rebuild the Kessel bridge', source: 'genovia' });
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
  });

  it('finds none when the acts are only a third alike', () => {
    // {rebuild, kessel, bridge} against {rebuild, bridge, roads, schools}: 2 of 5 words shared.
    expect(world('rebuild the bridge, roads and schools').g.fold(conflictsProjection).conflicts.size).toBe(0);
  });

  it('finds none between concerns: many parties voicing one concern agree, they do not disagree', () => {
    const g = given();
    const a1 = g.article('Ruritania expressed concern over the famine.', { publishedAt: '2031-07-01' });
    g.claim(a1, { type: 'ConcernRaised', actors: ['ruritania'], topics: ['humanitarian'], content: 'the famine in the border region', source: 'ruritania' });
    const a2 = g.article('Genovia expressed concern over the famine.', { publishedAt: '2031-07-02' });
    g.claim(a2, { type: 'ConcernRaised', actors: ['genovia'], topics: ['humanitarian'], content: 'the famine in the border region', source: 'latveria' });
    expect(g.fold(conflictsProjection).conflicts.size).toBe(0);
  });
});

describe('conflict queries', () => {
  it('filter by kind, party, article, claim and source, flag single-source claims, paginate newest first', () => {
    const g = given();
    const a = g.article(CALL, { publishedAt: '2031-03-01' });
    const militia = g.claim(a, {
      type: 'ConcernRaised',
      actors: ['ruritania'],
      targets: ['red-hand'],
      source: { party: 'genovia', mention: 'A senior Genovian official' },
      topics: ['terrorism'],
      evidence: 'A senior Genovian official confirmed the invitation and said the Ruritanian minister reiterated concerns about the Red Hand militia.',
    });
    g.claim(a, {
      type: 'ConcernRaised',
      actors: ['genovia'],
      targets: ['ruritania'],
      source: { party: 'genovia', mention: 'a spokesman' },
      topics: ['migration'],
      evidence: 'However, a Genovian ministry spokesman said the call was largely about Genovian workers in Ruritania.',
    });
    const b = g.article('Ruritania pledged troops. Ruritania denied pledging troops.', { publishedAt: '2031-03-05' });
    g.claim(b, { topics: ['military'], source: 'genovia', evidence: 'Ruritania pledged troops.' });
    g.claim(b, { topics: ['military'], source: 'ruritania', polarity: 'denied', evidence: 'Ruritania denied pledging troops.' });
    const conflicts = g.fold(conflictsProjection);
    const claims = g.fold(claimsProjection);
    const attributions = g.fold(attributionsProjection);
    const kinds = (f: Parameters<typeof listConflicts>[2]) => listConflicts(conflicts, claims, f).items.map((c) => c.kind);
    expect(kinds({})).toEqual(['denial', 'competing-account']);
    expect(kinds({ kind: 'denial' })).toEqual(['denial']);
    expect(kinds({ party: 'red-hand' })).toEqual(['competing-account']);
    expect(kinds({ article: b })).toEqual(['denial']);
    expect(kinds({ claim: militia })).toEqual(['competing-account']);
    expect(kinds({ source: 'ruritania' })).toEqual(['denial']);
    expect(kinds({ to: Date.parse('2031-03-02') })).toEqual(['competing-account']);
    expect(kinds({ type: 'PledgeMade', topic: 'military' })).toEqual(['denial']);
    const page = listConflicts(conflicts, claims, {}, { offset: 1, limit: 1 }, attributions);
    expect(page).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(page.items[0].a[0].corroboration).toEqual({ status: 'single-source', sources: ['genovia'] });
    expect(getConflict(conflicts, claims, page.items[0].id)!.id).toBe(page.items[0].id);
  });
});
