import { describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/extraction/nlp.js';
import { extract } from './helpers.js';

// Read models take a claim's sentence from the extractor instead of splitting the text again.
describe('where a claim was found', () => {
  const BODY =
    'Kenya’s foreign minister met his Somali counterpart in Nairobi on Monday, officials said. ' +
    'Kenya invited Somalia’s president to a summit, the ministry said. ' +
    'However, a Somali Foreign Ministry spokesman said the focus of the conversation was largely on the situation of refugees in Kenya.';

  it('records the index of its sentence in the split of analyze, and the contrast cue opening it', () => {
    const sentences = analyze(BODY).sentences;
    const claims = extract(BODY);
    expect(claims.length).toBeGreaterThan(1);
    for (const claim of claims) expect(sentences[claim.sentence!].start).toBe(claim.evidence.start);
    const focus = claims.find((c) => c.evidence.text.startsWith('However'))!;
    expect(focus).toMatchObject({ sentence: 2, contrastCue: 'however' });
    expect(claims.filter((c) => c !== focus).every((c) => c.contrastCue === undefined)).toBe(true);
  });
});
