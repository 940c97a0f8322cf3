import { describe, expect, it } from '@jest/globals';
import { evolve, initialArticleState, type ArticleState } from '../../src/articles/article-state.js';
import { correctClaim } from '../../src/articles/correcting-claim/correct-claim.js';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { reextractArticle } from '../../src/articles/reextracting-article/reextract-article.js';
import { retractClaim } from '../../src/articles/retracting-claim/retract-claim.js';
import { extractorId, type ClaimExtractor } from '../../src/domain/claim-extractor.js';
import type { ArticleEvent } from '../../src/domain/events/index.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

const TEXT = 'Freedonia pledged to release the detainees. Latveria pledged aid. Sokovia said nothing.';
const given = (...events: ArticleEvent[]): ArticleState => events.reduce(evolve, initialArticleState());
const claimIdOf = (e: ArticleEvent) => (e.data as { claimId: string }).claimId;
/** What `extractor` would write now over the article of `state`. */
const reextract = (state: ArticleState, extractor: ClaimExtractor) =>
  reextractArticle(state, extractorId(extractor), extractor.extract({ body: state.article!.body }));

/** Version 2 no longer finds the second pledge, and finds the third sentence as a concern. */
const v2: ClaimExtractor = {
  name: 'test-pledges',
  version: '2',
  extract: (article) => {
    const [first] = pledgeExtractor.extract(article);
    const text = 'Sokovia said nothing.';
    const start = article.body.indexOf(text);
    return [first, { ...first, type: 'ConcernRaised', evidence: { text, start, end: start + text.length } }];
  },
};

describe('re-extraction', () => {
  const ingested = ingestEvents(articleFromInput({ text: TEXT }), pledgeExtractor);

  it('writes nothing when the extractor finds what the stream holds', () => {
    expect(reextract(given(...ingested), pledgeExtractor)).toEqual([]);
  });

  it('retracts what the new version no longer finds and adds only what is new', () => {
    const events = reextract(given(...ingested), v2);
    expect(events.map((e) => e.type)).toEqual(['ClaimRetracted', 'ConcernRaised']);
    expect(events[0].data).toMatchObject({ claimId: claimIdOf(ingested[2]), reason: 'superseded by extractor test-pledges@2', recordedBy: 'test-pledges@2' });
    expect(events[1].data).toMatchObject({ recordedBy: 'test-pledges@2' });
    // The first pledge is kept under its old id.
    expect(events.some((e) => claimIdOf(e) === claimIdOf(ingested[1]))).toBe(false);
    expect(reextract(given(...ingested, ...events), v2)).toEqual([]);
  });

  it('leaves analysts alone: corrected claims count as their original, analyst retractions stand', () => {
    const state = given(...ingested);
    const corrected = correctClaim(state, claimIdOf(ingested[1]), { content: 'free detainees' }, 'wording', 'analyst:kim');
    const retracted = retractClaim(given(...ingested, corrected), claimIdOf(ingested[2]), 'not a pledge', 'analyst:kim');
    const events = reextract(given(...ingested, corrected, retracted), { ...pledgeExtractor, version: '9' });
    expect(events).toEqual([]);
  });
});
