import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { extract } from './helpers.js';

// The extractor runs on whatever anybody posts: it must never throw, and what it returns must
// point into the body it was given. Hostile pieces are mixed with the words its rules look for,
// so that the rules themselves run on broken input, not only the tokenizer.
const PIECES = [
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '(',
  ')',
  '[',
  ',',
  ';',
  ':',
  '—',
  '-',
  '.',
  '?',
  '\n',
  '\n\n',
  '\t',
  '\u0000',
  '\uFEFF',
  '\u200B',
  '\u202E',
  '\uD800',
  '\uDFFF',
  'مرحبا بالعالم',
  'שלום',
  '北京',
  '🇺🇦',
  '👍🏽',
  'ﷺ',
  'e\u0301',
  'accused',
  'accuse',
  'of',
  'invited',
  'to',
  'pledged',
  'agreed',
  'on Monday',
  'in turn',
  'said',
  'told',
  'Reuters',
  'according',
  'according to',
  'a statement',
  'concern',
  'raised concerns about',
  'denied',
  'rejected the accusation',
  'Iran',
  'Israel',
  'U.S.',
  'the Taliban',
  'Congolese',
  'Congo',
  'Brussels',
  'both sides',
  'the three nations',
  'They',
  'it',
  'he',
  'their',
  'the agency',
  'the country',
  'his counterpart',
  'President',
  'Foreign Minister',
  'Wang Yi',
  'which',
  'who',
  'but',
  'and',
  ', and',
  'reportedly',
  'not',
  'familiar with',
  'the',
  "'s",
  'UN',
  'ISIS-K',
];

const hostile = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }), {
    maxLength: 80,
  })
  .chain((parts) => fc.constantFrom(' ', '', '  ').map((sep) => parts.join(sep)));

describe('extractor robustness', () => {
  it('never throws, and every claim points at its sentence in the body', () => {
    fc.assert(
      fc.property(hostile, (body) => {
        const claims = extract(body);
        for (const c of claims) {
          expect(body.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
          expect(c.actors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same claims twice for the same text', () => {
    fc.assert(
      fc.property(hostile, (body) => {
        expect(JSON.stringify(extract(body))).toBe(JSON.stringify(extract(body)));
      }),
      { numRuns: 100 },
    );
  });

  it('copes with the edge cases by name', () => {
    const cases = [
      '',
      ' ',
      '\n\n\n',
      '.',
      '"',
      '“Iran accused Israel',
      'accused',
      'said.',
      '\u0000'.repeat(100),
      '"'.repeat(500),
      '('.repeat(300) + 'Iran accused Israel of spying.',
      'إيران اتهمت إسرائيل',
      'x'.repeat(20_000),
      'Iran accused Israel of spying, '.repeat(300),
    ];
    for (const body of cases) expect(() => extract(body)).not.toThrow();
    expect(extract('Iran accused Israel of spying, '.repeat(300)).length).toBeGreaterThan(0);
  });

  it('looks words up in its lexicons by their own entries only, never an object prototype name', () => {
    // "constructor" as a noun governed by a verb was once read as a noun cue with no light verbs, and threw.
    for (const body of [
      'Officials hired a constructor.',
      'Officials hired two constructors.',
      'Iran voiced __proto__ concerns.',
      'The constructor nations met.',
    ]) {
      expect(() => extract(body)).not.toThrow();
      expect(extract(body).every((c) => ['InvitationExtended', 'PledgeMade', 'AccusationLevelled', 'ConcernRaised'].includes(c.type))).toBe(true);
    }
  });
});
