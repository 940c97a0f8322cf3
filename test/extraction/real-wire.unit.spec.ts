import { describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/extraction/nlp.js';
import { brief, extract, only } from './helpers.js';

// Constructions of real wire copy that the seeds lack (issue 11), each on small invented sentences.

describe('condemnation and protest', () => {
  it('reads a condemnation as a charge against the party whose act is condemned', () => {
    expect(only('Chile strongly condemned the illegal fishing raid by Peru.')).toEqual({
      type: 'AccusationLevelled',
      actors: ['chile'],
      targets: ['peru'],
      source: 'chile',
    });
  });
  it('takes the target of "condemned the attack" from the article\'s thread', () => {
    const claims = extract('Mali accused Niger of shelling a border post. Ghana also condemned the attack.');
    expect(brief(claims[1])).toEqual({ type: 'AccusationLevelled', actors: ['ghana'], targets: ['niger'], source: 'ghana' });
  });
  it('reads a lodged protest and a filed complaint, whose addressee is not the target', () => {
    expect(only('Bolivia filed a complaint with the United Nations against Chile over the dam.')).toMatchObject({
      type: 'AccusationLevelled',
      actors: ['bolivia'],
      targets: ['chile'],
    });
  });
  it('gives an infinitive cue to the subject of the verb that governs it', () => {
    expect(only('Kenya summoned the Ugandan ambassador to protest the border closure.')).toMatchObject({ type: 'AccusationLevelled', actors: ['kenya'] });
    expect(only('Laos urged the Security Council to condemn the Thai incursion.')).toMatchObject({ actors: ['laos'], targets: ['thailand'] });
  });
});

describe('charges carried by what a reported clause says', () => {
  it('makes the speaker the accuser and the doer of the charged act the accused', () => {
    expect(only('The Peruvian foreign ministry said the Bolivian decision was unacceptable and violated its sovereignty.')).toEqual({
      type: 'AccusationLevelled',
      actors: ['peru'],
      targets: ['bolivia'],
      source: 'peru',
    });
  });
  it('reads a post-posed speaker of a quote', () => {
    expect(only('"Caracas has fabricated this whole crisis," the Colombian government said.')).toMatchObject({ actors: ['colombia'], targets: ['venezuela'] });
  });
  it('carries the speaker of an open quote into the next sentence of the paragraph', () => {
    const claims = extract('Chile’s envoy wrote that "talks will go on. Peru has committed a grave violation of the treaty."');
    expect(claims.map(brief)).toEqual([{ type: 'AccusationLevelled', actors: ['chile'], targets: ['peru'], source: 'chile' }]);
  });
  it('makes no charge of a negated or unattributed clause', () => {
    expect(extract('Peru said Chile had not violated the accord.')).toEqual([]);
    expect(extract('The raid was illegal under the accord signed by Peru.')).toEqual([]);
  });
});

describe('claims named by a noun', () => {
  it('takes the author from "raised by", "at the invitation of" and a possessor', () => {
    expect(only('The ship docked in Colombo amid concerns raised by India.')).toMatchObject({ type: 'ConcernRaised', actors: ['india'], source: 'india' });
    expect(only('Kenya’s latest invitation to Ethiopia was welcomed.')).toMatchObject({
      type: 'InvitationExtended',
      actors: ['kenya'],
      targets: ['ethiopia'],
    });
  });
  it('drops a noun nobody is said to author', () => {
    expect(extract('The ship docked in Colombo amid security concerns.')).toEqual([]);
  });
});

describe('parties an article defines', () => {
  it('makes "the X Front (XF)" a party of its own, found again by its short form', () => {
    const claims = extract('The Northern Liberation Front (NLF) accused Chad of bombing villages. Chad accused the NLF of lying.');
    expect(claims.map(brief)).toEqual([
      { type: 'AccusationLevelled', actors: ['northern-liberation-front'], targets: ['chad'], source: 'northern-liberation-front' },
      { type: 'AccusationLevelled', actors: ['chad'], targets: ['northern-liberation-front'], source: 'chad' },
    ]);
  });
  it("makes an organ defined as a known party's stand for that party", () => {
    expect(only('The Peace Council (PC) of the African Union condemned the Chadian offensive.')).toMatchObject({
      actors: ['african-union'],
      targets: ['chad'],
    });
  });
  it('defines no party from a name without an organisation word', () => {
    expect(only('Egypt accused Ethiopia of filling the Great River Dam (GRD) too fast.')).toMatchObject({ targets: ['ethiopia'] });
  });
});

describe('subjects and roles', () => {
  it('reads "X\'s ambassador to Y" as X speaking', () => {
    expect(only('The Iranian ambassador to Iraq complained that Iraq blocks the border.')).toMatchObject({ actors: ['iran'], targets: ['iraq'] });
  });
  it('keeps "Pakistan\'s Foreign Office" Pakistan\'s', () => {
    expect(only('Pakistan’s Foreign Office condemned the Indian drone strike.')).toMatchObject({ actors: ['pakistan'], targets: ['india'] });
  });
  it('reads "X and Y both agreed to" as a pledge by both', () => {
    expect(only('Serbia and Kosovo both agreed to reopen the crossing.')).toMatchObject({ type: 'PledgeMade', actors: ['serbia', 'kosovo'] });
  });
  it('reads a past verb that the tagger takes for an adjective after a name', () => {
    expect(only('In June, Niger alleged that Benin hosts foreign bases.')).toMatchObject({ actors: ['niger'], targets: ['benin'] });
  });
});

describe('authors that are not named as subjects', () => {
  it('keeps an agentless passive charge with an unknown actor', () => {
    expect(only('Chad was accused of shelling the border town.')).toMatchObject({ type: 'AccusationLevelled', actors: [null], targets: ['chad'] });
  });
  it('gives a quoted statement to the party that issued the last one', () => {
    const claims = extract('In a statement, the Bolivian government condemned the Chilean blockade. "Santiago has violated the treaty," the statement said.');
    expect(claims.map(brief)[1]).toEqual({ type: 'AccusationLevelled', actors: ['bolivia'], targets: ['chile'], source: 'bolivia' });
  });
});

describe('people named without a country word', () => {
  it('resolves a known office holder to their party', () => {
    expect(only('President Xi Jinping pledged to deepen ties with Nepal.')).toMatchObject({ type: 'PledgeMade', actors: ['china'], targets: ['nepal'] });
  });
});

describe('names inside descriptions', () => {
  it('reads "rival factions X and Y" as X and Y', () => {
    expect(only('Qatar will invite rival Palestinian factions Hamas and Fatah to Doha.')).toMatchObject({
      type: 'InvitationExtended',
      actors: ['qatar'],
      targets: ['hamas', 'fatah'],
    });
  });
  it('gives the holder named after "X\'s ambassador to the UN" X\'s party, there and later', () => {
    const claims = extract('Chile’s ambassador to the UN Ana Torres wrote that Peru had violated the treaty. Torres added that Peru was lying.');
    expect(claims.map(brief)).toEqual([
      { type: 'AccusationLevelled', actors: ['chile'], targets: ['peru'], source: 'chile' },
      { type: 'AccusationLevelled', actors: ['chile'], targets: ['peru'], source: 'chile' },
    ]);
  });
  it('takes the source from a trailing reporting verb with an office holder after it', () => {
    expect(only('The United States has extended invitations to Sudan and Chad for talks, announced Secretary of State Antony Blinken.')).toEqual({
      type: 'InvitationExtended',
      actors: ['united-states'],
      targets: ['sudan', 'chad'],
      source: 'united-states',
    });
  });
  it('reads a subject across a bracketed aside, and a claim noun after "following"', () => {
    expect(only('Georgia yesterday (21 January) condemned Russia for moving the border.')).toMatchObject({ actors: ['georgia'], targets: ['russia'] });
    expect(only('India expelled a diplomat following allegations from Canada that India ordered a killing.')).toMatchObject({
      type: 'AccusationLevelled',
      actors: ['canada'],
      targets: ['india'],
      source: 'canada',
    });
  });
  it("reads a condemnation in quoted words as the speaker's, and the condemned attack as the one named before", () => {
    const claims = extract(
      'Rebels of the Northern Front (NF) shelled a Chadian base on Monday. "No words can condemn this attack," the Chadian president said.',
    );
    expect(brief(claims[0])).toEqual({ type: 'AccusationLevelled', actors: ['chad'], targets: ['northern-front'], source: 'chad' });
  });
});

describe('urgings, agreements and participles', () => {
  it('reads an urging of restraint as concern at those urged', () => {
    expect(only('Chile urged Peru and Bolivia to exercise maximum restraint.')).toEqual({
      type: 'ConcernRaised',
      actors: ['chile'],
      targets: ['peru', 'bolivia'],
      source: 'chile',
    });
  });
  it('reads "agreed to" a proposal as a pledge, but not "agreed to" any noun', () => {
    expect(only('Chad agreed to a Qatari proposal to end the fighting.')).toMatchObject({ type: 'PledgeMade', actors: ['chad'] });
    expect(extract('Chad agreed to the date of the meeting.')).toEqual([]);
  });
  it('keeps a participle between a party and its role inside the phrase', () => {
    const claims = extract('Hamas exiled leader, Khaled Mashaal, said his group has agreed to the truce.');
    expect(claims.map(brief)).toEqual([{ type: 'PledgeMade', actors: ['hamas'], targets: [], source: 'hamas' }]);
  });
});

describe('sentence boundaries wink misses', () => {
  it('ends a sentence after a platform named by one letter, not after an initial', () => {
    expect(analyze('Oslo said so in a post on X. Germany pledged aid.').sentences.map((s) => s.text)).toEqual([
      'Oslo said so in a post on X.',
      'Germany pledged aid.',
    ]);
    expect(analyze('He met J. Smith in Oslo.').sentences).toHaveLength(1);
    expect(only('Oslo said so in a post on X. Germany pledged aid to Ukraine.')).toMatchObject({ type: 'PledgeMade', actors: ['germany'], source: 'germany' });
  });
});

describe('polarity and labels', () => {
  it('reads "X denied that any violation took place" as X denying the charge reported before', () => {
    const claims = extract('Chile accused Peru of violating its airspace. Peruvian Defence Minister Ana Soto denied that any violation had taken place.');
    expect(claims[1]).toMatchObject({
      type: 'AccusationLevelled',
      polarity: 'denied',
      actors: [{ party: 'chile' }],
      targets: [{ party: 'peru' }],
      source: { party: 'peru' },
    });
  });
  it('does not read a negated acceptance as a denial of the invitation', () => {
    const claims = extract('Greece invited Turkey to talks in Athens. Ankara had not yet accepted the invitation.');
    expect(claims.map((c) => c.polarity)).toEqual(['asserted', 'asserted']);
  });
  it('reads a label that charges as an accusation, but not an appeal', () => {
    expect(only('Chile described the Peruvian move as a provocation.')).toEqual({
      type: 'AccusationLevelled',
      actors: ['chile'],
      targets: ['peru'],
      source: 'chile',
    });
    expect(extract('Iran called on the UN to act.')).toEqual([]);
    expect(extract('Chile described the Peruvian plan as ambitious.')).toEqual([]);
  });
});

describe('outlets that relay a report', () => {
  it("names a trailing outlet as via, keeps the speaker's source and ends the content before it", () => {
    const [claim] = extract('Greece accused Turkey of violating its airspace, state broadcaster ERT reported.');
    expect(claim).toMatchObject({
      actors: [{ party: 'greece' }],
      targets: [{ party: 'turkey' }],
      source: { party: 'greece', via: 'ERT' },
      content: 'violating its airspace',
    });
    expect(extract('Iran pledged to respond, the official news agency IRNA reported.')[0].source).toMatchObject({ party: 'iran', via: 'IRNA' });
  });
});

describe('groups named by region', () => {
  it('resolves "European countries" to the list the next sentence gives', () => {
    const claims = extract('European countries have accused Russia of hybrid attacks. The ministers of France, Germany and Italy said so in a joint letter.');
    expect(brief(claims[0])).toMatchObject({ actors: ['france', 'germany', 'italy'], targets: ['russia'] });
  });
  it('leaves such a group unresolved when no list follows', () => {
    expect(only('European countries have accused Russia of hybrid attacks.').actors).toEqual([null]);
  });
});

describe('what is not a claim', () => {
  it('reads no claim into a refusal to comment on accusations', () => {
    expect(extract('Israel, which has long said it will act, declined to comment on the accusations.')).toEqual([]);
  });
  it('reads no pledge into an agreement set as a condition', () => {
    expect(extract('Thai officials said Bangkok would attend only if Cambodia first agreed to withdraw its troops.')).toEqual([]);
  });
});

describe('more cue words', () => {
  it('reads "hit out at", "voiced criticism of" and "dismayed by"', () => {
    expect(only('Iran hit out at the United States over the sanctions.')).toMatchObject({
      type: 'AccusationLevelled',
      actors: ['iran'],
      targets: ['united-states'],
    });
    expect(only('The EU voiced sharp criticism of Hungary over the law.')).toMatchObject({
      type: 'AccusationLevelled',
      actors: ['european-union'],
      targets: ['hungary'],
    });
    expect(only('Japan was dismayed by the Chinese drills.')).toMatchObject({ type: 'ConcernRaised', actors: ['japan'], targets: ['china'] });
    expect(extract('The minister hit the road.')).toEqual([]);
  });
});

describe('reporters and the two sides', () => {
  it('goes on with the reporter after a reported clause: "X said that Y shelled Z, and called it aggression"', () => {
    expect(
      only('Kyrgyzstan’s State Committee for National Security said that Tajik forces had shelled two villages, and called the attack an act of aggression.'),
    ).toEqual({ type: 'AccusationLevelled', actors: ['kyrgyzstan'], targets: ['tajikistan'], source: 'kyrgyzstan' });
  });
  it('keeps "the two sides" the parties in dispute, not the body that mediates', () => {
    const claims = extract(
      'Kenya accused Uganda of shelling a border post. The East African Forum (EAF) offered to host talks. Both governments agreed to a ceasefire.',
    );
    expect(brief(claims.at(-1)!)).toMatchObject({ type: 'PledgeMade', actors: ['kenya', 'uganda'] });
  });
});

describe('third fresh article: authors, restatements, chosen escalation', () => {
  it('makes no claim of a condemnation by authors who are no party', () => {
    expect(extract('The raid was condemned by human rights groups.')).toEqual([]);
    expect(only('The raid was condemned by Chad.')).toMatchObject({ actors: ['chad'] });
  });
  it('reads one concern told twice as one claim, taking the targets the second telling names', () => {
    const claims = extract('The African Union Commission chairperson said he was alarmed by the tensions and urged Mali and Algeria to exercise restraint.');
    expect(claims.map(brief)).toEqual([{ type: 'ConcernRaised', actors: ['african-union'], targets: ['mali', 'algeria'], source: 'african-union' }]);
  });
  it('reads escalation as a charge when someone chose it, not as a trend', () => {
    expect(only('"The junta in Bamako has chosen escalation," the Algerian foreign minister said.')).toMatchObject({ actors: ['algeria'], targets: ['mali'] });
    expect(extract('"We ask for help after the escalation in attacks," the Algerian foreign minister said.')).toEqual([]);
  });
});
