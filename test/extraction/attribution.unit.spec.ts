import { describe, expect, it } from '@jest/globals';
import { extract, only } from './helpers.js';

describe('attribution: who the article cites', () => {
  it("is the speaker's own party for an unattributed speech act", () => {
    expect(only('Iran accused Israel of sabotaging the Natanz site.').source).toBe('iran');
  });
  it('is the subject of a reporting verb before the claim', () => {
    expect(only('The Kremlin said Russia had invited Hungary to the talks.')).toEqual({
      type: 'InvitationExtended',
      actors: ['russia'],
      targets: ['hungary'],
      source: 'russia',
    });
    expect(only('Polish officials said Germany had pledged to send more air defence systems.').source).toBe('poland');
  });
  it('is the party after "according to", with the outlet it spoke to as via', () => {
    const [c] = extract('Qatar invited Hamas negotiators to Doha, according to an Egyptian official who spoke to Reuters.');
    expect(c.source.party).toBe('egypt');
    expect(c.source.via).toBe('Reuters');
  });
  it('is the outer source of a nested report, via the outlet told', () => {
    const [c] = extract('Ukrainian sources told CNN that Moscow accused Kyiv of attacking the plant.');
    expect(c.actors.map((r) => r.party)).toEqual(['russia']);
    expect(c.source.party).toBe('ukraine');
    expect(c.source.via).toBe('CNN');
  });
  it('reads a sentence-final frame after a quote', () => {
    expect(only('"We are alarmed by Beijing\'s drills near Taiwan," a Japanese government spokesman said.')).toEqual({
      type: 'ConcernRaised',
      actors: ['japan'],
      targets: ['china'],
      source: 'japan',
    });
  });
  it('reads "a statement from X said"', () => {
    expect(only('A statement from the Saudi foreign ministry said both sides agreed to resume direct flights.').source).toBe('saudi-arabia');
  });
  it('carries a source over to an anaphoric "They" in the same paragraph', () => {
    const claims = extract(
      'A statement from Turkey’s foreign ministry said Armenia and Azerbaijan agreed to reopen the border. ' +
        'They also reaffirmed their commitment to a peace treaty.',
    );
    expect(claims.map((c) => c.source.party)).toEqual(['turkey', 'turkey']);
    expect(claims[1].actors.map((r) => r.party)).toEqual(['armenia', 'azerbaijan']);
  });
  it('does not carry a source over to a new paragraph', () => {
    const claims = extract('A Qatari official said Israel and Hamas agreed to extend the truce.\n\nThey also pledged to free more hostages.');
    expect(claims[1].source.party).not.toBe('qatar');
  });
});
