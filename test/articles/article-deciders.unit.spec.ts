import { describe, expect, it } from '@jest/globals';
import { evolve, initialArticleState, type ArticleState } from '../../src/articles/article-state.js';
import { correctClaim } from '../../src/articles/correcting-claim/correct-claim.js';
import { articleFromInput, ingestEvents, reinstatesWithdrawn } from '../../src/articles/ingesting-article/ingest-article.js';
import { reextractArticle } from '../../src/articles/reextracting-article/reextract-article.js';
import { recordClaim } from '../../src/articles/recording-claim/record-claim.js';
import { retractClaim } from '../../src/articles/retracting-claim/retract-claim.js';
import { withdrawArticle } from '../../src/articles/withdrawing-article/withdraw-article.js';
import { DomainError } from '../../src/domain/errors.js';
import type { ArticleEvent } from '../../src/domain/events/index.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

const TEXT = 'OSLO — Freedonia pledged to release the detainees. Latveria said nothing. Freedonia pledged aid too.';
/** Given these events happened, this is the state a command is decided on. */
const given = (...events: ArticleEvent[]): ArticleState => events.reduce(evolve, initialArticleState());
const ingested = () => ingestEvents(articleFromInput({ text: TEXT }), pledgeExtractor);

const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).kind;
  }
  return 'ok';
};

describe('ingest', () => {
  it('opens the stream with ArticleIngested, then one event per claim with stable ids', () => {
    const events = ingested();
    expect(events.map((e) => e.type)).toEqual(['ArticleIngested', 'PledgeMade', 'PledgeMade']);
    expect(events[0].data).toMatchObject({ dateline: 'OSLO', body: TEXT.slice('OSLO — '.length) });
    const ids = events.slice(1).map((e) => (e.data as { claimId: string }).claimId);
    expect(new Set(ids).size).toBe(2);
    expect(
      ingested()
        .slice(1)
        .map((e) => (e.data as { claimId: string }).claimId),
    ).toEqual(ids);
  });

  it('gives the same article id to the same body however it is spaced', () => {
    expect(articleFromInput({ text: TEXT }).articleId).toBe(articleFromInput({ text: TEXT.replace(/ /g, '   ') }).articleId);
    expect(articleFromInput({ text: TEXT }).articleId).not.toBe(articleFromInput({ text: TEXT + ' More.' }).articleId);
  });
});

describe('claims', () => {
  const events = ingested();
  const state = () => given(...events);
  const claimId = (events[1].data as { claimId: string }).claimId;
  const body = (events[0].data as { body: string }).body;

  it('records an analyst claim whose evidence quotes the body', () => {
    const text = 'Latveria said nothing.';
    const start = body.indexOf(text);
    const base = {
      type: 'ConcernRaised' as const,
      actors: [],
      targets: [],
      content: '',
      hedged: false,
      polarity: 'asserted' as const,
      topics: [],
      source: { party: null, mention: '', cue: '', via: null },
    };
    const event = recordClaim(state(), 2n, { ...base, evidence: { text, start, end: start + text.length } }, 'analyst:kim');
    expect(event.data).toMatchObject({ recordedBy: 'analyst:kim', articleId: events[0].data.articleId });
    expect(kindOf(() => recordClaim(state(), 2n, { ...base, evidence: { text, start: start + 1, end: start + 1 + text.length } }, 'a'))).toBe('unprocessable');
  });

  it('retracts a live claim once', () => {
    const retracted = retractClaim(state(), claimId, 'wrong', 'analyst:kim');
    expect(retracted).toEqual({ type: 'ClaimRetracted', data: { claimId, articleId: events[0].data.articleId, reason: 'wrong', recordedBy: 'analyst:kim' } });
    expect(kindOf(() => retractClaim(given(...events, retracted), claimId, 'again', 'a'))).toBe('conflict');
    expect(kindOf(() => retractClaim(state(), 'unknown', 'x', 'a'))).toBe('not-found');
  });

  it('corrects fields of a live claim, and the write model applies the correction', () => {
    const corrected = correctClaim(state(), claimId, { hedged: true, content: 'release detainees' }, 'tighter', 'analyst:kim');
    const after = given(...events, corrected);
    expect(after.claims.get(claimId)!.claim).toMatchObject({ hedged: true, content: 'release detainees', type: 'PledgeMade' });
    expect(kindOf(() => correctClaim(state(), claimId, {}, 'nothing', 'a'))).toBe('unprocessable');
    expect(kindOf(() => correctClaim(state(), claimId, { evidence: { text: 'nope', start: 0, end: 4 } }, 'r', 'a'))).toBe('unprocessable');
  });
});

describe('withdrawal', () => {
  const events = ingested();
  const articleId = events[0].data.articleId;
  const claimId = (events[1].data as { claimId: string }).claimId;
  const at = new Date('2031-04-02T10:30:00Z');
  const request = { articleId, reason: 'the outlet retracted it as a hoax', recordedBy: 'analyst:kim', at };
  const withdrawn = () => withdrawArticle(given(...events), request);
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('withdraws a live article with its reason, who and when', () => {
    expect(withdrawn()).toEqual({
      type: 'ArticleWithdrawn',
      data: {
        articleId,
        reason: 'the outlet retracted it as a hoax',
        recordedBy: 'analyst:kim',
        withdrawnAt: '2031-04-02T10:30:00.000Z',
        claimIds: [...given(...events).claims.keys()],
      },
    });
    // Every claim of the stream is named, a retracted one too: all of them leave the read models.
    const retracted = retractClaim(given(...events), claimId, 'wrong', 'analyst:kim');
    const named = withdrawArticle(given(...events, retracted), request).data.claimIds;
    expect(named).toEqual(events.slice(1).map((e) => (e.data as { claimId: string }).claimId));
    expect(named).toHaveLength(2);
    expect(named).toContain(claimId);
    // What is kept is the reason as meant, without the stray spaces around it.
    expect(withdrawArticle(given(...events), { ...request, reason: '  hoax \n' }).data.reason).toBe('hoax');
  });

  it('refuses an unknown article (404), a second withdrawal (409, naming the first) and a blank reason (400)', () => {
    expect(kindOf(() => withdrawArticle(null, request))).toBe('not-found');
    expect(kindOf(() => withdrawArticle(given(), request))).toBe('not-found');
    const twice = () => withdrawArticle(given(...events, withdrawn()), { ...request, reason: 'again' });
    expect(kindOf(twice)).toBe('conflict');
    expect(messageOf(twice)).toContain('2031-04-02T10:30:00.000Z');
    expect(messageOf(twice)).toContain('the outlet retracted it as a hoax');
    for (const reason of ['', '   ', '\n\t']) expect(kindOf(() => withdrawArticle(given(...events), { ...request, reason }))).toBe('invalid');
  });

  it('then refuses recording, correcting and retracting claims (409), and re-extraction writes nothing', () => {
    const state = () => given(...events, withdrawn());
    const text = 'Latveria said nothing.';
    const body = (events[0].data as { body: string }).body;
    const start = body.indexOf(text);
    const claim = {
      type: 'ConcernRaised' as const,
      actors: [],
      targets: [],
      content: '',
      hedged: false,
      polarity: 'asserted' as const,
      topics: [],
      source: { party: null, mention: '', cue: '', via: null },
      evidence: { text, start, end: start + text.length },
    };
    expect(kindOf(() => recordClaim(state(), 3n, claim, 'analyst:kim'))).toBe('conflict');
    expect(kindOf(() => correctClaim(state(), claimId, { hedged: true }, 'r', 'analyst:kim'))).toBe('conflict');
    expect(kindOf(() => retractClaim(state(), claimId, 'r', 'analyst:kim'))).toBe('conflict');
    expect(messageOf(() => retractClaim(state(), claimId, 'r', 'analyst:kim'))).toContain('withdrawn at 2031-04-02T10:30:00.000Z');
    // An extractor that finds nothing would retract every claim of a live article; of a withdrawn one, nothing is touched.
    expect(reextractArticle(given(...events), 'test-pledges@2', []).map((e) => e.type)).toEqual(['ClaimRetracted', 'ClaimRetracted']);
    expect(reextractArticle(state(), 'test-pledges@2', [])).toEqual([]);
  });

  it('refuses ingesting the text again unless forced; forced, the re-ingested article is live again with the claims ingested with it', () => {
    const after = given(...events, withdrawn());
    expect(reinstatesWithdrawn(given(...events), false)).toBe(false);
    expect(kindOf(() => reinstatesWithdrawn(after, false))).toBe('conflict');
    expect(messageOf(() => reinstatesWithdrawn(after, false))).toMatch(/withdrawn at 2031-04-02T10:30:00.000Z .*the outlet retracted it as a hoax.*force/);
    expect(reinstatesWithdrawn(after, true)).toBe(true);
    expect(after.claims.size).toBe(0);
    const reinstated = given(...events, withdrawn(), ...ingested());
    expect(reinstated.withdrawal).toBeNull();
    expect([...reinstated.claims.keys()]).toEqual([...given(...events).claims.keys()]);
    expect(retractClaim(reinstated, claimId, 'r', 'analyst:kim').type).toBe('ClaimRetracted');
  });
});
