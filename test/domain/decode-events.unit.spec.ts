import { describe, expect, it } from '@jest/globals';
import { decodeArticleEvent, InvalidEventError, problemsOf } from '../../src/domain/events/index.js';

const meta = { schemaVersion: 1, correlationId: 'c', causationId: 'd' };
const claim = {
  claimId: 'x', articleId: 'a', recordedBy: 'r', actors: [{ party: 'oslo', mention: 'Oslo' }], targets: [], content: '',
  source: { party: null, mention: '', cue: '', via: null }, evidence: { text: 't', start: 0, end: 1 },
  hedged: false, polarity: 'asserted', topics: ['trade'],
};
const at = (type: string, data: unknown, metadata: unknown = meta) => ({ streamName: 'article-a', revision: 4n, type, data, metadata });

describe('decoding stored events', () => {
  it('accepts valid claim events', () => {
    expect(decodeArticleEvent(at('PledgeMade', claim))).toEqual({ type: 'PledgeMade', data: claim });
  });

  it('reports an unknown type with its stream and revision', () => {
    const error = (() => { try { decodeArticleEvent(at('TreatySigned', {})); } catch (e) { return e; } })() as InvalidEventError;
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error.message).toMatch(/article-a@4 .*unknown event type "TreatySigned"/);
  });

  it('names every field that is wrong', () => {
    const problems = problemsOf(at('ConcernRaised', { ...claim, polarity: 'maybe', evidence: { text: 1, start: -1, end: 2 }, topics: ['sports'] }));
    expect(problems).toEqual(expect.arrayContaining([
      'polarity must be one of asserted, denied', 'evidence.text must be a string', 'evidence.start must be a non-negative integer',
      'topics[0] must be one of security, terrorism, migration, trade, diplomacy, infrastructure, governance, military, humanitarian',
    ]));
  });

  it('refuses events written by a newer schema and events without metadata', () => {
    expect(problemsOf(at('PledgeMade', claim, { ...meta, schemaVersion: 9 }))).toEqual([expect.stringMatching(/newer than this reader/)]);
    expect(problemsOf(at('PledgeMade', claim, null))).toEqual(['metadata must be an object']);
  });

  it('checks only the fields a correction changes', () => {
    expect(problemsOf(at('ClaimCorrected', { claimId: 'x', articleId: 'a', recordedBy: 'r', reason: 'y', changes: { hedged: true } }))).toEqual([]);
    expect(problemsOf(at('ClaimCorrected', { claimId: 'x', articleId: 'a', recordedBy: 'r', reason: 'y', changes: { type: 'Nope' } }))).toHaveLength(1);
  });
});
