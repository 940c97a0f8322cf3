import { describe, expect, it } from '@jest/globals';
import { checkedAppend } from '../../src/articles/checked-append.js';
import { DomainError } from '../../src/domain/errors.js';
import { decodeArticleEvent, newCommandContext, type ArticleEvent } from '../../src/domain/events/index.js';

const claim = {
  claimId: 'f0f874ac81c515f2eb37-2c1a37a25126',
  articleId: 'f0f874ac81c515f2eb37',
  recordedBy: 'analyst:kim',
  actors: [],
  targets: [],
  content: 'x',
  source: { party: null, mention: 'm', cue: 'said', via: null },
  evidence: { text: 'x', start: 0, end: 1 },
  hedged: false,
  polarity: 'asserted',
  topics: [],
};

describe('checkedAppend: nothing is written that the stream reader would refuse', () => {
  it('passes valid events through with metadata, and the reader accepts them as stored', () => {
    const [out] = checkedAppend('article-f0f874ac81c515f2eb37', [{ type: 'PledgeMade', data: claim } as ArticleEvent], newCommandContext(), 1n);
    const stored = {
      streamName: 'article-f0f874ac81c515f2eb37',
      revision: 0n,
      type: out.type,
      data: JSON.parse(JSON.stringify(out.data)),
      metadata: out.metadata,
    };
    expect(decodeArticleEvent(stored).data).toEqual(claim);
  });

  it.each([
    ['hedged', null],
    ['polarity', null],
    ['topics', null],
    ['evidence', { text: 'x', start: -1, end: 1 }],
    ['evidence', { text: 'x', start: Number.NaN, end: 1 }],
  ])('refuses %s = %p with a 422 naming the field', (field, value) => {
    const bad = { type: 'PledgeMade', data: { ...claim, [field]: value } } as unknown as ArticleEvent;
    let error: unknown;
    try {
      checkedAppend('article-f0f874ac81c515f2eb37', [bad], newCommandContext(), 1n);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('unprocessable');
    expect((error as DomainError).message).toContain(field);
  });
});
