// The copy rule on text: edited wire copies are recognised, different stories on one topic are
// not, and nothing depends on the order members, articles or arguments come in.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bestMatch, COPY_THRESHOLD, FINGERPRINT_CHARS, fingerprintOf, MIN_WORDS, type BodyFingerprint } from '../../src/domain/syndication/copy-rule.js';
import { estimatedJaccard, minhashSignature } from '../../src/domain/syndication/minhash.js';
import { shingleHashes, wordsOf } from '../../src/domain/syndication/shingles.js';
import { fixtureBody, paragraphsOf } from './fixtures.js';

const fingerprint = (body: string): BodyFingerprint => {
  const f = fingerprintOf(body);
  if (!f) throw new Error('body too short for a fingerprint');
  return f;
};
const similarity = (a: string, b: string): number => estimatedJaccard(fingerprint(a).signature, fingerprint(b).signature);
const sharedBands = (a: string, b: string): number => {
  const [x, y] = [fingerprint(a).bands, fingerprint(b).bands];
  return x.filter((h, band) => y[band] === h).length;
};

const original = fixtureBody('original');
const paragraphs = paragraphsOf(original);
const BOILERPLATE =
  'This story has been published from a wire agency feed without modifications to the text. ' +
  'Follow us on social media for the latest news, analysis and opinion from around the region.';

/** The edits outlets make to wire copy, each alone and all at once. */
const EDITS: Record<string, (ps: string[]) => string[]> = {
  'a paragraph of boilerplate added': (ps) => [...ps, BOILERPLATE],
  'a few words changed': (ps) => ps.map((p) => p.replace('on Tuesday', 'on Tuesday evening').replace('fortnight', 'two weeks').replace('households', 'homes')),
  'a paragraph dropped': (ps) => ps.filter((_, i) => i !== 4),
  'paragraphs re-typeset': (ps) => ps.map((p) => p.replace(/'/g, '’').replace(/ — /g, ' -- ').replace(/\. /g, '.\n')),
};
const allEdits = (ps: string[]): string[] => Object.values(EDITS).reduce((acc, edit) => edit(acc), ps);

describe('recognising a copy', () => {
  it.each(Object.entries(EDITS))('recognises a copy with %s', (_, edit) => {
    const copy = edit(paragraphs).join('\n\n');
    expect(similarity(original, copy)).toBeGreaterThanOrEqual(0.75);
    expect(sharedBands(original, copy)).toBeGreaterThan(0);
  });

  it('recognises a copy with every edit at once, and the two hand-edited copies of the fixtures', () => {
    for (const copy of [allEdits(paragraphs).join('\n\n'), fixtureBody('copy-harbour'), fixtureBody('copy-evening')]) {
      const match = bestMatch(fingerprint(copy), [
        { articleId: 'unrelated', storyId: 'unrelated', signature: fingerprint(fixtureBody('unrelated')).signature },
        { articleId: 'original', storyId: 'original', signature: fingerprint(original).signature },
      ]);
      expect(match).toMatchObject({ originalArticleId: 'original', matchedArticleId: 'original' });
      expect(match!.similarity).toBeGreaterThanOrEqual(COPY_THRESHOLD + 0.1);
      expect(sharedBands(original, copy)).toBeGreaterThan(0);
    }
  });

  it('a text identical but for case, quotes, dashes and line breaks is the same text', () => {
    const retyped = original.toUpperCase().replace(/'/g, '’').replace(/,/g, ' ,').replace(/\n\n/g, '\n');
    expect(similarity(original, retyped)).toBe(1);
  });

  it('records the story of a copy of a copy as the original it copies', () => {
    const copy = fixtureBody('copy-harbour');
    const match = bestMatch(fingerprint(allEdits(paragraphsOf(copy)).join('\n\n')), [
      { articleId: 'copy-harbour', storyId: 'original', signature: fingerprint(copy).signature },
    ]);
    expect(match).toMatchObject({ originalArticleId: 'original', matchedArticleId: 'copy-harbour' });
  });
});

describe('telling stories apart', () => {
  it('does not group two different stories on one topic that share phrases', () => {
    const other = fixtureBody('unrelated');
    // They do share stock phrases: the words are there, the shingles mostly not.
    for (const phrase of ['raised concern that the', 'said in a statement that the', 'told reporters that the']) {
      expect(original).toContain(phrase);
      expect(other).toContain(phrase);
    }
    expect(similarity(original, other)).toBeLessThan(0.1);
    expect(sharedBands(original, other)).toBe(0);
    expect(bestMatch(fingerprint(other), [{ articleId: 'original', storyId: 'original', signature: fingerprint(original).signature }])).toBeNull();
  });

  it('fingerprints only the opening of a long body', () => {
    const long = `${original}\n\n${'Further paragraphs of an unrelated round-up follow here. '.repeat(2000)}`;
    expect(long.length).toBeGreaterThan(5 * FINGERPRINT_CHARS);
    expect(fingerprintOf(long)).toEqual(fingerprintOf(long.slice(0, FINGERPRINT_CHARS)));
    expect(fingerprintOf(`${long}more`)).toEqual(fingerprintOf(long));
  });

  it('never fingerprints a body under MIN_WORDS words, however alike', () => {
    const flash = 'BREAKING: Two people were killed in a blast at a market in the capital on Monday, police said, adding that the cause was not yet known.';
    expect(wordsOf(flash).length).toBeLessThan(MIN_WORDS);
    expect(fingerprintOf(flash)).toBeNull();
    expect(fingerprintOf(paragraphs.slice(0, 2).join('\n\n'))).not.toBeNull();
  });
});

describe('order independence', () => {
  const body = fc.array(fc.constantFrom(...wordsOf(original)), { minLength: MIN_WORDS, maxLength: 120 }).map((ws) => ws.join(' '));

  it('a signature does not depend on the order of the set members', () => {
    fc.assert(
      fc.property(body, fc.integer(), (text, seed) => {
        const members = shingleHashes(wordsOf(text));
        const shuffled = Uint32Array.from([...members].sort((a, b) => ((a ^ seed) >>> 0) - ((b ^ seed) >>> 0)));
        expect(minhashSignature(shuffled)).toEqual(minhashSignature(members));
      }),
      { numRuns: 50 },
    );
  });

  it('similarity is symmetric and 1 with itself', () => {
    fc.assert(
      fc.property(body, body, (a, b) => {
        expect(similarity(a, b)).toBe(similarity(b, a));
        expect(similarity(a, a)).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it('of equally similar candidates, the earliest indexed is the one copied', () => {
    const signature = fingerprint(original).signature;
    const match = bestMatch(fingerprint(original), [
      { articleId: 'first', storyId: 'first', signature },
      { articleId: 'second', storyId: 'second', signature },
    ]);
    expect(match).toEqual({ originalArticleId: 'first', matchedArticleId: 'first', similarity: 1 });
  });
});
