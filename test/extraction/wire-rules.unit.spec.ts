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
    expect(only('Peru on Friday accused Bolivia of harbouring smugglers.')).toEqual({
      type: 'AccusationLevelled',
      actors: ['peru'],
      targets: ['bolivia'],
      source: 'peru',
    });
    expect(only('Kenya’s government late on Sunday invited Somalia to talks.')).toMatchObject({ actors: ['kenya'], targets: ['somalia'] });
  });
  it('takes the subject across "in turn" between auxiliary and verb', () => {
    expect(only('Ghanaian officials have in turn accused Togo of stalling.')).toMatchObject({ actors: ['ghana'], targets: ['togo'] });
  });
  it('reads "agreed on Tuesday to" as a pledge', () => {
    expect(only('Chile and Peru agreed on Tuesday to reopen the border.')).toMatchObject({ type: 'PledgeMade', actors: ['chile', 'peru'] });
  });
  it("takes the coordinated verb phrase's subject across the adjunct", () => {
    const claims = extract('Mali on Monday accused Niger of sheltering rebels, and vowed to respond.');
    expect(claims.map((c) => [c.type, c.actors.map((r) => r.party)])).toEqual([
      ['AccusationLevelled', ['mali']],
      ['PledgeMade', ['mali']],
    ]);
  });
});

describe('noun cues after an apposition', () => {
  it('reads "X, an ally of Y, expressed concern" as X\'s concern', () => {
    expect(only('Serbia, a close ally of Moscow, expressed concern over the new sanctions.')).toMatchObject({
      type: 'ConcernRaised',
      actors: ['serbia'],
      source: 'serbia',
    });
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

describe('definite kind nouns: "the agency", "the country", "the bloc"', () => {
  it('resolves "the agency" to the body named before, not to the latest country', () => {
    const claims = extract(
      'The World Health Organization sent a team to Gaza. In a statement, the agency said it was deeply concerned about the spread of cholera.',
    );
    expect(claims[0]).toMatchObject({ type: 'ConcernRaised', actors: [{ party: 'who' }], source: { party: 'who' } });
  });
  it('resolves "the country" to the subject of the previous sentence when it names no country itself', () => {
    const claims = extract('Norway sent envoys to Colombia. Officials said the country had pledged to fund the peace talks.');
    expect(claims[0].actors.map((r) => r.party)).toEqual(['norway']);
  });
  it('resolves "the country" to the latest country of its own sentence first', () => {
    const claims = extract('Nigerian officials denied the report, saying the country had pledged to protect the pipeline.');
    expect(claims[0]).toMatchObject({ type: 'PledgeMade', actors: [{ party: 'nigeria' }] });
  });
});

describe('names several parties share', () => {
  it('reads "Congolese" as the Congo the article talks about', () => {
    const claims = extract('Kinshasa accused Kigali of backing the rebels. Congolese President Felix Tshisekedi vowed to respond.');
    expect(claims[1].actors.map((r) => r.party)).toEqual(['dr-congo']);
    const other = extract('Brazzaville hosted talks on the river trade. Congolese officials accused Gabon of blocking barges.');
    expect(other.at(-1)!.actors.map((r) => r.party)).toEqual(['republic-of-the-congo']);
  });
  it('takes the default for "Congo" with no hint and drops a shared demonym with none', () => {
    expect(only('Congo accused Uganda of smuggling gold.').actors).toEqual(['dr-congo']);
    expect(only('Dominican officials accused Haiti of failing to control gangs.').actors).toEqual([null]);
  });
});

describe('scope of a reporting verb', () => {
  it('ends at ", but" with a subject of its own', () => {
    const claims = extract('The rebels said they were ready to talk, but rights groups accused the rebels of executions.');
    expect(claims.at(-1)).toMatchObject({ type: 'AccusationLevelled', source: { party: null } });
  });
  it('goes on across ", while" (the seeds\' reading)', () => {
    const claims = extract('A Qatari official said Egypt had agreed to talks, while Israel reiterated its concerns about Hamas.');
    expect(claims.at(-1)).toMatchObject({ type: 'ConcernRaised', actors: [{ party: 'israel' }], source: { party: 'qatar' } });
  });
});

describe('group nouns', () => {
  it('takes the list it stands in apposition to: "A, B and C, the three ..."', () => {
    const claims = extract(
      'The IAEA said it was ready. Spain, Italy and Greece, the three southern members of the bloc, said they were deeply worried by the arrivals.',
    );
    expect(claims.at(-1)!.actors.map((r) => r.party)).toEqual(['spain', 'italy', 'greece']);
  });
  it('takes an older pair for "the two sides" when it names the article\'s main parties', () => {
    const body = [
      'Serbia and Kosovo held talks in Brussels.',
      'Serbia accused Kosovo of provocations.',
      'Kosovo denied it.',
      'Serbian officials met Russian diplomats.',
      'Russia said it backed Serbia.',
      'Serbian police were deployed.',
      'Kosovo police were on alert.',
      'Russian media covered the talks.',
      'Under the deal, the two sides committed to opening the bridge.',
    ].join(' ');
    expect(
      extract(body)
        .at(-1)!
        .actors.map((r) => r.party)
        .sort(),
    ).toEqual(['kosovo', 'serbia']);
  });
});

describe('speakers with a post-modifier', () => {
  it('finds "officials familiar with the plans" as the speaker, of no known party', () => {
    const [c] = extract('Oman has invited Iran to talks in Muscat, two officials familiar with the plans told Reuters.');
    expect(c.source).toMatchObject({ party: null, via: 'Reuters' });
  });
  it('finds a speaker of a known party across "close to the talks"', () => {
    expect(only('A Turkish source close to the talks said Egypt had invited Hamas to Cairo.').source).toBe('turkey');
  });
  it('does not read "briefed on" as a report', () => {
    const [c] = extract('Israeli officials briefed on the talks said Egypt had invited Hamas to Cairo.');
    expect(c.source.cue).toBe('said');
  });
  it('does not take "Place, two officials" for an apposition', () => {
    expect(only('Kenya invited Sudan to talks in Nairobi, two officials told reporters.').source).toBeNull();
  });
});

describe('personal names with particles', () => {
  it('keeps "da", "von der", "bin" inside a titled name, and resolves the short form later', () => {
    expect(only('Brazilian President Luiz Inácio Lula da Silva invited Bolivia to the summit.').actors).toEqual(['brazil']);
    expect(only('Saudi Crown Prince Mohammed bin Salman invited Syria to Riyadh.').actors).toEqual(['saudi-arabia']);
    const claims = extract('European Commission President Ursula von der Leyen accused Russia of blackmail. Later, Von der Leyen vowed to help Moldova.');
    expect(claims.map((c) => c.actors[0].party)).toEqual(['european-union', 'european-union']);
  });
});

describe('relational roles: "his counterpart", "his hosts"', () => {
  it("resolves to the other side, not to the possessor's party", () => {
    expect(only('Turkish Foreign Minister Hakan Fidan met his Greek counterpart in Athens. Fidan invited his counterpart to Ankara.')).toMatchObject({
      actors: ['turkey'],
      targets: ['greece'],
    });
    expect(only('Chinese Foreign Minister Wang Yi met Indian officials in New Delhi. Wang assured his hosts that the dam was safe.')).toMatchObject({
      type: 'PledgeMade',
      actors: ['china'],
      targets: ['india'],
    });
  });
});

describe('speakers named by their institution', () => {
  it('gives "a ministry spokesman" the party of the ministry named before', () => {
    const claims = extract('Spain’s foreign ministry rejected the claim. A ministry spokesman said Madrid had pledged to keep its troops in Latvia.');
    expect(claims.at(-1)!.source.party).toBe('spain');
  });
  it('leaves "a ministry spokesman" unknown when no ministry was named', () => {
    expect(only('A ministry spokesman said Madrid had pledged to keep its troops in Latvia.').source).toBeNull();
  });
});

describe('what a pledge or concern is about', () => {
  it('follows "of" across a participle: "detention of continued ... of Armenian prisoners"', () => {
    expect(only('The EU voiced concern about reports of continued detention of Georgian activists.').targets).toEqual(['georgia']);
  });
  it('does not take the object of a following verb: "... and urged Washington"', () => {
    expect(only('Lebanon pledged to deploy troops to the border area and urged Washington to act.').targets).toEqual([]);
  });
  it('takes a party after "between" inside the pledge', () => {
    expect(only('Kazakhstan agreed to open a rail link between western China and the Caspian.').targets).toEqual(['china']);
  });
});

describe('scare quotes and what a concern is about', () => {
  it('reads a concern adjective in quotes and follows the quoted phrase to its agent', () => {
    expect(only('Laos said it was “deeply concerned” about the “reckless dam building” by Vietnam.')).toMatchObject({
      type: 'ConcernRaised',
      actors: ['laos'],
      targets: ['vietnam'],
    });
  });
  it('takes the subject of "reports that ..." as what the concern is about', () => {
    expect(only('Poland was concerned about reports that Belarus was moving troops to the border.').targets).toEqual(['belarus']);
  });
});

describe('reciprocal and coordinated accusations', () => {
  it('makes every actor a target of "accused each other"', () => {
    const c = only('Sudan and Chad accused each other on Monday of arming rebels.');
    expect(c.targets.sort()).toEqual(['chad', 'sudan']);
  });
  it('does not make a party accuse itself through ", and accused"', () => {
    expect(only('Colombia’s army said Venezuelan troops had crossed the border, and accused Caracas of provoking a clash.')).toMatchObject({
      actors: ['colombia'],
      targets: ['venezuela'],
    });
  });
});

describe('spokespeople without a party of their own', () => {
  it('speak for the subject of the previous sentence', () => {
    const claims = extract('Chile’s foreign ministry denied the report. Spokeswoman Ana Ruiz accused Peru of spreading rumours.');
    expect(claims.at(-1)).toMatchObject({ actors: [{ party: 'chile' }], targets: [{ party: 'peru' }], source: { party: 'chile' } });
  });
  it('stay unknown at the start of an article', () => {
    expect(only('Spokeswoman Ana Ruiz accused Peru of spreading rumours.').actors).toEqual([null]);
  });
});

describe('participle clauses and noun phrases of wire copy', () => {
  it('gives ", accusing X of ..." the subject of the main clause', () => {
    expect(only('Greece’s coast guard fired warning shots on Tuesday, accusing Ankara of an illegal incursion.')).toMatchObject({
      type: 'AccusationLevelled',
      actors: ['greece'],
      targets: ['turkey'],
    });
  });
  it('gives ", raising concerns about ..." the subject of the main clause', () => {
    expect(only('Norway froze the funds, raising concerns about Russian interference.')).toMatchObject({
      type: 'ConcernRaised',
      actors: ['norway'],
      targets: ['russia'],
    });
  });
  it('takes an inverted speaker with "a spokesperson for X" as the subject of the participle', () => {
    const [c] = extract('The ships entered the zone, said Ana Costa, a spokesperson for Brazil’s navy, accusing the crews of smuggling.');
    expect(c.actors.map((r) => r.party)).toEqual(['brazil']);
  });
  it('reads "accusations against X" and "accused a Philippine vessel"', () => {
    expect(only('Vietnam lodged accusations against China’s coast guard on Monday.').targets).toEqual(['china']);
    expect(only('China accused a Philippine vessel of ramming its ship.').targets).toEqual(['philippines']);
  });
});

describe('subjects with an including-list, hosts of talks between two sides', () => {
  it('lets the included parties speak for a head that names none', () => {
    expect(only('Western governments, including France, have accused Iran of enriching uranium.')).toMatchObject({ actors: ['france'], targets: ['iran'] });
    expect(only('Gulf states, including Qatar, accused Israel of undermining the talks.').actors).toEqual(['qatar']);
  });
  it('takes the parties between which talks are hosted as invitees', () => {
    expect(only('Oman has hosted five rounds of talks between Tehran and Washington this year.')).toMatchObject({
      actors: ['oman'],
      targets: ['iran', 'united-states'],
    });
  });
  it('does not let a spokesperson speak for a subject that names no party', () => {
    const claims = extract(
      'Western governments, including France, have accused Iran of enriching uranium. Ministry spokesman Ali Rezaei accused Washington of lying.',
    );
    expect(claims[1].actors.map((r) => r.party)).toEqual([null]);
  });
});

describe("a speaker's label inside a concern", () => {
  it('reads past "what he called" to the phrase it labels', () => {
    expect(only('Canada was concerned about what it called India’s “reckless” conduct.').targets).toEqual(['india']);
    expect(only('Canada was concerned about what it called reckless conduct.').targets).toEqual([]);
  });
});
