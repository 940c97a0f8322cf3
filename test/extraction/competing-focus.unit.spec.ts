import { describe, expect, it } from '@jest/globals';
import { brief, extract } from './helpers.js';

// A second account of what a meeting was about, opened by a contrast cue, is the speaker's side raising it.
describe('competing accounts of what a meeting was about', () => {
  const CALL = 'Kenya’s foreign minister met his Somali counterpart in Nairobi on Monday, officials said.';

  it('reads "However, X said the focus of the talks was on Y" as X raising Y, about the party named in Y', () => {
    const claims = extract(
      `${CALL} However, a Somali Foreign Ministry spokesman said the focus of the conversation was largely on the situation of refugees in Kenya.`,
    );
    const focus = claims.find((c) => c.evidence.text.startsWith('However'))!;
    expect(brief(focus)).toEqual({ type: 'ConcernRaised', actors: ['somalia'], targets: ['kenya'], source: 'somalia' });
    expect(focus.content).toBe('the situation of refugees in Kenya');
    expect(focus.topics).toContain('migration');
  });

  it('reads "the talks focused on", and falls back on the other side of the meeting when nobody is named', () => {
    const claims = extract(`${CALL} But a Kenyan official said the talks focused mainly on trade.`);
    const focus = claims.find((c) => c.evidence.text.startsWith('But'))!;
    expect(brief(focus)).toEqual({ type: 'ConcernRaised', actors: ['kenya'], targets: ['somalia'], source: 'kenya' });
  });

  it('needs the contrast cue and someone cited: a plain summary of the talks is no claim', () => {
    expect(extract(`${CALL} A Somali spokesman said the focus of the conversation was on trade.`).filter((c) => c.evidence.text.includes('focus'))).toEqual([]);
    expect(extract(`${CALL} However, the focus of the conversation was on trade.`).filter((c) => c.evidence.text.includes('focus'))).toEqual([]);
  });
});
