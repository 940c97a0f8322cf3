import type { ClaimExtractor, ExtractedClaim } from '../../src/domain/claim-extractor.js';

/** One PledgeMade per sentence containing "pledged": enough to exercise ingestion without the real extractor. */
export const pledgeExtractor: ClaimExtractor = {
  name: 'test-pledges',
  version: '1',
  extract: ({ body }) => {
    const claims: ExtractedClaim[] = [];
    const sentence = /[^.]*\bpledged\b[^.]*\./g;
    for (let m = sentence.exec(body); m; m = sentence.exec(body)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const text = m[0].trim();
      claims.push({
        type: 'PledgeMade',
        actors: [{ party: 'testland', mention: 'Testland' }],
        targets: [],
        content: text,
        source: { party: 'testland', mention: 'Testland', cue: 'said', via: null },
        evidence: { text, start, end: start + text.length },
        hedged: false,
        polarity: 'asserted',
        topics: ['diplomacy'],
      });
    }
    return claims;
  },
};
