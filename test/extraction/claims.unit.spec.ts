import { describe, expect, it } from '@jest/globals';
import { extract, only } from './helpers.js';

describe('invitations', () => {
  it('takes the inviter from the subject and the invitee from the object, not from the destination', () => {
    expect(only('Vietnam has invited South Korean President Lee Jae-myung to visit Hanoi.')).toEqual({
      type: 'InvitationExtended',
      actors: ['vietnam'],
      targets: ['south-korea'],
      source: 'vietnam',
    });
  });
  it('reads passive invitations', () => {
    expect(only('Venezuela was invited by Brazil to join the summit.')).toMatchObject({ actors: ['brazil'], targets: ['venezuela'] });
  });
  it('keeps the inviter of an invitation later accepted', () => {
    const claims = extract('Egypt invited Sudan’s army chief to Cairo. The general accepted the invitation, a Sudanese official said.');
    expect(claims[1]).toMatchObject({ type: 'InvitationExtended', actors: [{ party: 'egypt' }] });
  });
  it('resolves "both sides" as invitees without the inviter', () => {
    const c = extract('Russia shelled Kharkiv and Ukraine struck Belgorod. Turkey invited both sides to talks in Istanbul.').at(-1)!;
    expect(c.targets.map((r) => r.party).sort()).toEqual(['russia', 'ukraine']);
  });
});

describe('pledges', () => {
  it('reads pledge verbs, "agreed to" and "committed to"', () => {
    expect(only('Japan pledged $5 billion to rebuild Ukraine’s power grid.')).toMatchObject({ type: 'PledgeMade', actors: ['japan'], targets: ['ukraine'] });
    expect(only('Armenia and Azerbaijan agreed to demarcate their border.')).toMatchObject({ actors: ['armenia', 'azerbaijan'], targets: [] });
    expect(only('Hezbollah said it remained committed to the truce.')).toMatchObject({ type: 'PledgeMade', actors: ['hezbollah'] });
  });
  it('reads pledge nouns with light verbs: "gave assurances", "reaffirmed its commitment"', () => {
    expect(only('The United States reaffirmed its commitment to the defense of the Philippines.')).toMatchObject({
      type: 'PledgeMade',
      actors: ['united-states'],
      targets: ['philippines'],
    });
  });
  it('keeps two coordinated pledges of one sentence apart', () => {
    const claims = extract('India and China pledged to avoid clashes on the border, and agreed to resume direct flights.');
    expect(claims.map((c) => c.type)).toEqual(['PledgeMade', 'PledgeMade']);
    expect(claims[1].actors.map((r) => r.party)).toEqual(['india', 'china']);
  });
  it('addresses a pledge made "in that meeting" to the other side of the meeting', () => {
    const claims = extract(
      'Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Tianjin. ' +
        'In that meeting, Indian officials reportedly gave assurances that trade curbs would ease.',
    );
    expect(claims[0]).toMatchObject({ type: 'PledgeMade', actors: [{ party: 'india' }], targets: [{ party: 'china' }], hedged: true });
  });
});

describe('accusations', () => {
  it('takes the accused from the object, not from the rest of the sentence', () => {
    expect(only('Ukraine accused Russia of deporting children to Belarus.')).toEqual({
      type: 'AccusationLevelled',
      actors: ['ukraine'],
      targets: ['russia'],
      source: 'ukraine',
    });
  });
  it('reads "blamed X for" and passive "was accused by"', () => {
    expect(only('Beijing blamed Manila for the collision.')).toMatchObject({ actors: ['china'], targets: ['philippines'] });
    expect(only('Rwanda has been accused by Kinshasa of backing the rebels.')).toMatchObject({ actors: ['dr-congo'], targets: ['rwanda'] });
  });
  it('finds the accused in a relative clause: "Iran, which Israel accuses of ..."', () => {
    const claims = extract('Iran, which Israel accuses of arming Hezbollah, denied the report.');
    expect(claims[0]).toMatchObject({ type: 'AccusationLevelled', actors: [{ party: 'israel' }], targets: [{ party: 'iran' }] });
  });
  it('does not take an adjective "alleged" for an accusation', () => {
    expect(extract('The alleged plot was foiled in Berlin.')).toEqual([]);
  });
});

describe('concerns', () => {
  it('needs an author: "raised concerns", "was worried about"', () => {
    expect(only('Germany raised concerns about Chinese drills near Taiwan.')).toMatchObject({ type: 'ConcernRaised', actors: ['germany'], targets: ['china'] });
    expect(only('The IAEA said it was deeply worried about the safety of the plant.')).toMatchObject({ actors: ['iaea'], targets: [] });
  });
  it('ignores concerns without an author', () => {
    expect(extract('The talks come amid renewed security concerns in the region.')).toEqual([]);
  });
  it('does not take the addressee or a place for what the concern is about', () => {
    expect(only('Lebanon raised concerns with the U.S. envoy about Israel’s occupation of hilltops inside Lebanon.')).toMatchObject({
      actors: ['lebanon'],
      targets: ['israel'],
    });
  });
});

describe('negation and hedging', () => {
  it('marks a denied act', () => {
    expect(extract('Venezuela denied inviting Russian warships.')[0]).toMatchObject({ type: 'InvitationExtended', polarity: 'denied' });
    expect(extract('China did not invite Taiwan to the forum.')[0].polarity).toBe('denied');
    expect(extract('Hamas rejected the accusation.')[0]).toMatchObject({ type: 'AccusationLevelled', polarity: 'denied' });
  });
  it('keeps a negation inside the content asserted', () => {
    expect(extract('Both Koreas pledged not to fly drones over the border.')[0]?.polarity ?? 'asserted').toBe('asserted');
  });
  it('marks hedged reports', () => {
    expect(extract('Russia reportedly promised Iran fighter jets.')[0].hedged).toBe(true);
    expect(extract('Russia promised Iran fighter jets.')[0].hedged).toBe(false);
  });
});

describe('claims as data', () => {
  it('gives evidence offsets into the body and topics from the taxonomy', () => {
    const body = 'Fighting continued. Sudan accused the RSF of attacking aid convoys near El Fasher.';
    const [c] = extract(body);
    expect(body.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    expect(c.topics).toContain('humanitarian');
  });
  it('is deterministic', () => {
    const body = 'Kenya invited the two sides to Nairobi. Ethiopia and Eritrea agreed to talks.';
    expect(JSON.stringify(extract(body))).toBe(JSON.stringify(extract(body)));
  });
});
