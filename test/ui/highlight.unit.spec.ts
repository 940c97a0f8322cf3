import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { paragraphs, segments, trimRange, type Range } from '../../ui/src/highlight.js';

describe('highlight segments of an article body', () => {
  it('splits overlapping and identical ranges so each piece knows every claim covering it', () => {
    const body = 'Alpha beta gamma delta.';
    const ranges: Range[] = [
      { claimId: 'a', start: 0, end: 10 },
      { claimId: 'b', start: 6, end: 16 },
      { claimId: 'c', start: 6, end: 16 },
    ];
    expect(segments(body, ranges).map((s) => [s.text, s.claimIds])).toEqual([
      ['Alpha ', ['a']],
      ['beta', ['a', 'b', 'c']],
      [' gamma', ['b', 'c']],
      [' delta.', []],
    ]);
  });

  it('ends paragraphs at newlines, drops blank ones, and ignores ranges outside the body', () => {
    const body = 'One two.\n\nThree four.';
    const paras = paragraphs(body, [{ claimId: 'x', start: 4, end: 15 }, { claimId: 'bad', start: 5, end: 99 }, { claimId: 'empty', start: 3, end: 3 }]);
    expect(paras.map((p) => p.map((s) => [s.text, s.claimIds]))).toEqual([
      [['One ', []], ['two.', ['x']]],
      [['Three', ['x']], [' four.', []]],
    ]);
  });

  it('covers the body exactly, in order, and marks a piece with exactly the ranges around it', () => {
    const input = fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom('a', 'b', ' ', '.', '\n') }).chain((body) =>
      fc.tuple(fc.constant(body), fc.array(fc.tuple(fc.nat(body.length), fc.nat(body.length)), { maxLength: 6 }).map((pairs) =>
        pairs.map(([x, y], i): Range => ({ claimId: `c${i}`, start: Math.min(x, y), end: Math.max(x, y) })))));
    fc.assert(fc.property(input, ([body, ranges]) => {
      const segs = segments(body, ranges);
      expect(segs.map((s) => s.text).join('')).toBe(body);
      for (const s of segs) {
        expect(body.slice(s.start, s.end)).toBe(s.text);
        const covering = ranges.filter((r) => r.start < r.end && r.start <= s.start && r.end >= s.end).map((r) => r.claimId);
        expect(s.claimIds).toEqual(covering);
        if (s.text.includes('\n')) expect(s.text).toBe('\n'); // a newline is a piece of its own
      }
    }));
  });

  it('trims a selection to its first and last non-blank character, and drops a blank one', () => {
    const body = 'One two.\n\nThree four.';
    expect(trimRange(body, { start: 3, end: 10 })).toEqual({ start: 4, end: 8 });
    expect(trimRange(body, { start: 3, end: 11 })).toEqual({ start: 4, end: 11 }); // 'two.\n\nT': inner newlines stay
    expect(body.slice(4, 8)).toBe('two.');
    expect(trimRange(body, { start: 8, end: 10 })).toBeNull();
  });
});
