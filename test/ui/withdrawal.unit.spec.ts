import { describe, expect, it } from '@jest/globals';
import type { StreamEvent } from '../../ui/src/types.js';
import { withdrawnFrom } from '../../ui/src/withdrawal.js';

const event = (type: string, data: Record<string, unknown>, revision: number): StreamEvent => ({
  type,
  revision: String(revision),
  created: '2031-04-02T10:30:00.000Z',
  data,
});
const ingested = (title: string | null, revision: number) => event('ArticleIngested', { articleId: 'a', title }, revision);
const claim = (revision: number) => event('PledgeMade', { claimId: `a-${revision}` }, revision);
const withdrawal = (reason: string, revision: number) =>
  event('ArticleWithdrawn', { articleId: 'a', reason, recordedBy: 'analyst:kim', withdrawnAt: '2031-04-02T10:30:00.000Z', claimIds: ['a-1'] }, revision);

describe('the withdrawal an article page shows', () => {
  it('is none for a live article', () => {
    expect(withdrawnFrom([ingested('Talks', 0), claim(1)])).toBeNull();
  });

  it('is the last withdrawal, with the headline the article had', () => {
    expect(withdrawnFrom([ingested('Talks', 0), claim(1), withdrawal('hoax', 2)])).toEqual({
      title: 'Talks',
      withdrawal: { articleId: 'a', reason: 'hoax', recordedBy: 'analyst:kim', withdrawnAt: '2031-04-02T10:30:00.000Z', claimIds: ['a-1'] },
    });
    const again = withdrawnFrom([ingested('Talks', 0), withdrawal('hoax', 1), ingested('Talks, updated', 2), withdrawal('still a hoax', 3)]);
    expect([again?.title, again?.withdrawal.reason]).toEqual(['Talks, updated', 'still a hoax']);
  });

  it('is none once a forced re-ingest came after it', () => {
    expect(withdrawnFrom([ingested('Talks', 0), withdrawal('hoax', 1), ingested('Talks', 2), claim(3)])).toBeNull();
  });
});
