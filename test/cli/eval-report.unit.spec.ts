import { beforeAll, describe, expect, it } from '@jest/globals';
import { meanContentOverlap, tokenF1, contentTokens } from '../../src/evaluation/content-overlap.js';
import { formatReport } from '../../src/evaluation/format.js';
import { compareHeadlines, headline } from '../../src/evaluation/headline.js';
import { buildReport, type EvalReport } from '../../src/evaluation/report.js';
import { loadScorer, type Scorer } from '../../src/evaluation/scorer.js';
import { parseSetSpec } from '../../src/evaluation/set-spec.js';
import type { ArticleText, GoldClaim, GoldDoc, PredictedClaim } from '../../src/evaluation/types.js';

// Invented countries and sentences: one article with one case of each error class.
const SENTENCES = [
  'Norland invited Sudoria to talks in Velm next week.',
  'Estavia pledged grain to the region.',
  'Karsk accused Estavia of shelling the port.',
  'Officials voiced concern over the dam.',
  'Sudoria blamed Karsk for the blackout.',
  'The minister promised nothing new.',
  'Vedra and Karsk each pledged aid.',
  'Norland denied that it would invade.',
  'The council met later.',
  'Vedra also hinted it might invite Estavia.',
];
const BODY = SENTENCES.join(' ');
const TEXT: ArticleText = { body: BODY, sentences: () => SENTENCES };

const ref = (id: string, type: string, evidence: string, actors: string[], targets: string[], source: string[], more: Partial<GoldClaim> = {}): GoldClaim => ({
  id,
  type,
  evidence,
  actors,
  targets,
  source,
  required: true,
  ...more,
});

const GOLD: GoldDoc = {
  aliases: [['norland', 'northland']],
  articles: [
    {
      file: 't1.txt',
      claims: [
        ref('ok', 'InvitationExtended', 'Norland invited Sudoria', ['norland'], ['sudoria'], ['norland'], { content: 'talks in Velm' }),
        ref('type', 'PledgeMade', 'Estavia pledged grain', ['estavia'], [], ['estavia']),
        ref('actor', 'AccusationLevelled', 'Karsk accused Estavia', ['karsk'], ['estavia'], ['karsk'], { content: 'shelling the port' }),
        ref('unresolved', 'ConcernRaised', 'Officials voiced concern over the dam', ['norland'], [], ['norland']),
        ref('target', 'AccusationLevelled', 'Sudoria blamed Karsk', ['sudoria'], ['karsk'], ['sudoria']),
        ref('nothing', 'PledgeMade', 'The minister promised nothing new', ['norland'], [], ['norland']),
        ref('split', 'ConcernRaised', 'the dam. Sudoria', ['sudoria'], [], ['sudoria']),
        ref('absent', 'PledgeMade', 'Borsk swore to rebuild the bridge', ['borsk'], [], ['borsk']),
        ref('twin-a', 'PledgeMade', 'Vedra and Karsk each pledged aid', ['vedra'], [], ['vedra']),
        ref('twin-b', 'PledgeMade', 'Vedra and Karsk each pledged aid', ['karsk'], [], ['karsk']),
        ref('optional', 'InvitationExtended', 'it might invite Estavia', ['vedra'], ['estavia'], ['vedra'], { required: false }),
      ],
      not_claims: [{ evidence: 'Norland denied that it would invade', note: 'a denial is no pledge' }],
    },
  ],
};

const party = (slug: string | null, mention = slug ?? 'someone') => ({ party: slug, mention });
const pred = (type: string, sentence: number, actors: (string | null)[], targets: string[], source: string | null, content = ''): PredictedClaim => ({
  type,
  evidence: { text: SENTENCES[sentence] },
  actors: actors.map((a) => party(a, a ?? 'Officials')),
  targets: targets.map((t) => party(t)),
  source: party(source),
  content,
});

const PREDICTED = [
  {
    file: 't1.txt',
    claims: [
      pred('InvitationExtended', 0, ['northland'], ['sudoria'], 'norland', 'talks in Velm next week'), // alias: still fully correct
      pred('AccusationLevelled', 1, ['estavia'], [], 'estavia'), // the pledge read as an accusation
      pred('AccusationLevelled', 2, ['norland'], ['estavia'], 'karsk', 'the port'),
      pred('ConcernRaised', 3, [null], [], null),
      pred('AccusationLevelled', 4, ['sudoria'], ['norland'], 'sudoria'),
      pred('PledgeMade', 6, ['vedra'], [], 'vedra'),
      pred('PledgeMade', 7, ['norland'], [], 'norland'),
      pred('ConcernRaised', 8, ['norland'], [], 'norland'),
      pred('InvitationExtended', 9, ['vedra'], ['estavia'], 'vedra'),
    ],
  },
];

let scorer: Scorer;
let report: EvalReport;
beforeAll(async () => {
  scorer = await loadScorer();
  report = buildReport(scorer, GOLD, PREDICTED, (file) => (file === 't1.txt' ? TEXT : undefined));
});

const idsOf = (kind: string): (string | null)[] => report.errors.items.filter((i) => i.kind === kind).map((i) => i.id ?? i.evidence);

describe('eval report: the scorer figures it builds on', () => {
  it("keeps the shared scorer's counts: 10 required, 5 matched, the optional match counting neither way", () => {
    expect(report.counts).toMatchObject({ required: 10, predicted: 9, matchedRequired: 5, matchedOptional: 1, fullyCorrect: 2 });
    expect(report.detection.precision).toBeCloseTo(5 / 8, 10);
    expect(report.detection.recall).toBeCloseTo(0.5, 10);
    expect(report.full.f1).toBeCloseTo((2 * 0.25 * 0.2) / 0.45, 10);
  });
  it('refuses to classify when its own matching no longer agrees with the scorer', () => {
    const drifted: Scorer = {
      ...scorer,
      score: (g, p, v) => {
        const r = scorer.score(g, p, v);
        return { ...r, counts: { ...r.counts, matchedRequired: 4 } };
      },
    };
    expect(() => buildReport(drifted, GOLD, PREDICTED, () => TEXT)).toThrow('no longer follows score.mjs');
  });
});

describe('eval report: missed required claims', () => {
  it('tells a prediction of another type on the sentence from no prediction at all', () => {
    expect(idsOf('wrongType')).toEqual(['type']);
    expect(idsOf('noClaimInSentence')).toEqual(['nothing']);
  });
  it('tells evidence cut by the sentence split from evidence the body lacks', () => {
    expect(idsOf('noSentence')).toEqual(['split']);
    expect(idsOf('notInBody')).toEqual(['absent']);
  });
  it('says when the one prediction on a sentence went to another reference claim', () => {
    expect(idsOf('sentenceTaken')).toEqual(['twin-b']);
    expect(report.errors.items.find((i) => i.id === 'twin-b')!.detail).toBe('its prediction went to twin-a');
  });
  it('counts each missed claim once, 5 in all, and never the unmatched optional one', () => {
    expect(report.errors.counts.missed).toBe(5);
    expect(report.errors.items.some((i) => i.id === 'optional')).toBe(false);
  });
});

describe('eval report: matched but not fully correct', () => {
  it('separates an unresolved actor (party null) from a wrong one', () => {
    expect(idsOf('wrongActor')).toEqual(['actor']);
    expect(idsOf('actorUnresolved')).toEqual(['unresolved']);
    expect(report.errors.items.find((i) => i.kind === 'actorUnresolved')!.detail).toBe('reference [norland], predicted [?Officials]');
  });
  it('lists wrong targets and wrong sources, a claim in several classes counting once in the group', () => {
    expect(idsOf('wrongTarget')).toEqual(['target']);
    expect(idsOf('wrongSource')).toEqual(['unresolved']);
    expect(report.errors.counts.fields).toBe(3);
  });
});

describe('eval report: false positives', () => {
  it('splits them into not_claims sentence, reference sentence and other', () => {
    expect(idsOf('onNotClaim')).toEqual([SENTENCES[7]]);
    expect(idsOf('onReferenceSentence')).toEqual([SENTENCES[1]]);
    expect(idsOf('otherExtra')).toEqual([SENTENCES[8]]);
    expect(report.errors.counts.extra).toBe(report.counts.unmatchedPredictions);
  });
});

describe('eval report: content overlap', () => {
  it('averages the token F1 over required matches that have a reference content', () => {
    // "talks in velm next week" vs "talks in velm": P 3/5, R 1 -> 0.75; "the port" vs "shelling the port": P 1, R 2/3 -> 0.8.
    expect(report.contentOverlap.pairs).toBe(2);
    expect(report.contentOverlap.mean).toBeCloseTo(0.775, 10);
    expect(formatReport(report)).toContain('content overlap: token F1 77.5 over 2 matched pair(s)');
  });
  it('folds case and typographic quotes, and counts repeated words once per occurrence', () => {
    expect(contentTokens(scorer, 'Talks in “VELM”, Sudoria’s capital')).toEqual(['talks', 'in', 'velm', "sudoria's", 'capital']);
    expect(tokenF1(['aid', 'aid', 'grain'], ['aid', 'grain', 'grain'])).toBeCloseTo(2 / 3, 10);
    expect(tokenF1([], [])).toBe(1);
    expect(tokenF1(['aid'], [])).toBe(0);
  });
  it('says n/a when no pair has a reference content', () => {
    expect(meanContentOverlap(scorer, [])).toEqual({ mean: null, pairs: 0 });
    const without = buildReport(scorer, { articles: [{ file: 't1.txt', claims: [GOLD.articles[0].claims[4]] }] }, PREDICTED, () => TEXT);
    expect(formatReport(without)).toContain('content overlap: n/a');
  });
});

describe('eval sets and comparison', () => {
  it('parses name=gold.json:dir', () => {
    expect(parseSetSpec('dev=/x/gold.json:/x/articles')).toEqual({ name: 'dev', gold: '/x/gold.json', dir: '/x/articles' });
    expect(() => parseSetSpec('dev=/x/articles')).toThrow('expected name=gold.json:folder');
  });
  it('gives the change of each figure since an earlier report', () => {
    const now = headline(report);
    const d = compareHeadlines(now, { ...now, fullF1: 0.1, missed: 7, content: null });
    expect(d.fullF1.change).toBeCloseTo(now.fullF1 - 0.1, 10);
    expect(d.missed).toEqual({ now: 5, before: 7, change: -2 });
    expect(d.content.change).toBeNull();
  });
});
