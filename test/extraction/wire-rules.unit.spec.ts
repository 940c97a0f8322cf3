import { describe, expect, it } from '@jest/globals';
import { adjunctEndingAt, adjunctStartingAt } from '../../src/extraction/adjuncts.js';
import { analyze } from '../../src/extraction/nlp.js';
import { extract, only } from './helpers.js';

// Rules for constructions that wire copy uses and the seeds do not; each on small invented sentences.

describe('short adjuncts between subject, verb and complement', () => {
  it('finds "on Monday", "earlier this month" and "in turn" as adjuncts, not "in the region"', () => {
    const t = analyze('Chile on Monday and earlier this month and in turn and in the region').tokens;
    const at = (w: string) => t.findIndex((x) => x.text === w);
    expect(adjunctEndingAt(t, 0, at('Monday'))).toBe(at('on'));
    expect(adjunctStartingAt(t, t.length, at('earlier'))).toBe(at('month') + 1);
    expect(adjunctEndingAt(t, 0, at('turn'))).toBe(at('turn') - 1);
    expect(adjunctEndingAt(t, 0, at('region'))).toBe(-1);
  });
  it('takes the subject across a day adjunct', () => {
    expect(only('Peru on Friday accused Bolivia of harbouring smugglers.'))
      .toEqual({ type: 'AccusationLevelled', actors: ['peru'], targets: ['bolivia'], source: 'peru' });
    expect(only('Kenya’s government late on Sunday invited Somalia to talks.')).toMatchObject({ actors: ['kenya'], targets: ['somalia'] });
  });
  it('takes the subject across "in turn" between auxiliary and verb', () => {
    expect(only('Ghanaian officials have in turn accused Togo of stalling.')).toMatchObject({ actors: ['ghana'], targets: ['togo'] });
  });
  it('reads "agreed on Tuesday to" as a pledge', () => {
    expect(only('Chile and Peru agreed on Tuesday to reopen the border.')).toMatchObject({ type: 'PledgeMade', actors: ['chile', 'peru'] });
  });
  it('takes the coordinated verb phrase\'s subject across the adjunct', () => {
    const claims = extract('Mali on Monday accused Niger of sheltering rebels, and vowed to respond.');
    expect(claims.map((c) => [c.type, c.actors.map((r) => r.party)])).toEqual([['AccusationLevelled', ['mali']], ['PledgeMade', ['mali']]]);
  });
});

describe('noun cues after an apposition', () => {
  it('reads "X, an ally of Y, expressed concern" as X\'s concern', () => {
    expect(only('Serbia, a close ally of Moscow, expressed concern over the new sanctions.'))
      .toMatchObject({ type: 'ConcernRaised', actors: ['serbia'], source: 'serbia' });
  });
});

describe('sources of replies and of anonymous documents', () => {
  it('gives a rejection of an earlier accusation the rejecter as source', () => {
    const claims = extract('Cuba accused the United States of espionage. The U.S. State Department rejected the accusation.');
    expect(claims[1]).toMatchObject({ type: 'AccusationLevelled', polarity: 'denied', actors: [{ party: 'cuba' }], source: { party: 'united-states' } });
  });
  it('reads "according to a statement" with no party as the actor\'s own report', () => {
    expect(only('Chad’s foreign ministry expressed concern about the fighting, according to a statement carried by state media.').source).toBe('chad');
  });
  it('keeps an unidentified cited speaker as an unknown source', () => {
    expect(only('Qatar invited both sides to Doha, a diplomat said.').source).toBeNull();
  });
});
