// Replay's fast check must never let through what the full check (problemsOf) refuses, and the
// decoded events must be what decodeArticleEvent gives, whichever path they took.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeArticleEvent, InvalidEventError, isValidArticleEvent, problemsOf } from '../../src/domain/events/index.js';
import type { RecordedEvent } from '../../src/event-store/event-store.js';

import { toProjected } from '../../src/projections/projected-event.js';

const meta = { schemaVersion: 1, correlationId: 'c', causationId: 'd' };
const body = 'Oslo said on Monday it had invited Ruritanian officials to talks on fishing quotas. Nothing else.';
const article = {
  articleId: 'a1',
  title: 'T',
  outlet: 'The Wire',
  url: null,
  publishedAt: '2031-03-01',
  dateline: 'OSLO',
  section: null,
  body,
  contentHash: 'h',
};
const evidenceText = body.slice(0, 83);
const claim = {
  claimId: 'a1-1',
  articleId: 'a1',
  recordedBy: 'rules@1',
  actors: [{ party: 'norway', mention: 'Oslo' }],
  targets: [{ party: null, mention: 'Ruritanian officials' }],
  content: 'talks on fishing quotas',
  source: { party: 'norway', mention: 'Oslo', cue: 'said', via: null },
  evidence: { text: evidenceText, start: 0, end: 83 },
  hedged: false,
  polarity: 'asserted',
  topics: ['trade', 'diplomacy'],
};
const VALID: Array<[string, unknown]> = [
  ['ArticleIngested', article],
  ['InvitationExtended', claim],
  ['ConcernRaised', { ...claim, targets: [], polarity: 'denied', topics: [] }],
  ['ClaimRetracted', { claimId: 'a1-1', articleId: 'a1', recordedBy: 'analyst:kim', reason: 'no' }],
  ['ClaimCorrected', { claimId: 'a1-1', articleId: 'a1', recordedBy: 'analyst:kim', reason: 'r', changes: { hedged: true, type: 'PledgeMade' } }],
  ['ClaimCorrected', { claimId: 'a1-1', articleId: 'a1', recordedBy: 'analyst:kim', reason: 'r', changes: { source: claim.source, topics: ['military'] } }],
];

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const stored = (type: string, data: unknown, metadata: unknown = meta) => ({ streamName: 'article-a1', revision: 3n, type, data, metadata });
const fastSaysValid = (e: ReturnType<typeof stored>) => isValidArticleEvent(e.type, e.data, e.metadata);

/** Every path to a value inside `v` (object keys and array indexes), with `v` itself as []. */
const paths = (v: unknown, at: Array<string | number> = []): Array<Array<string | number>> => {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
};
const setAt = (root: unknown, path: Array<string | number>, value: unknown): unknown => {
  if (!path.length) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (value === undefined) delete node[path[path.length - 1]];
  else node[path[path.length - 1]] = value;
  return copy;
};
const ODD_VALUES: unknown[] = [undefined, null, '', 'x', 'sports', 'denied', 'PledgeMade', -1, 1.5, 0, 7, true, [], {}, [{}], ['trade']];

describe('the fast event check', () => {
  it('accepts the valid events the full check accepts', () => {
    for (const [type, data] of VALID) {
      expect(problemsOf(stored(type, data))).toEqual([]);
      expect(fastSaysValid(stored(type, data))).toBe(true);
    }
  });

  it('refuses every single-field corruption the full check refuses', () => {
    let refused = 0;
    for (const [type, data] of VALID) {
      for (const path of paths(data)) {
        for (const value of ODD_VALUES) {
          const e = stored(type, setAt(data, path, value));
          if (fastSaysValid(e)) expect(problemsOf(e)).toEqual([]);
          else refused++;
        }
      }
      for (const path of paths(meta))
        for (const value of ODD_VALUES) {
          const e = stored(type, data, setAt(meta, path, value));
          if (fastSaysValid(e)) expect(problemsOf(e)).toEqual([]);
        }
    }
    expect(refused).toBeGreaterThan(500); // not vacuous
  });

  it('never says yes where the full check finds a problem, on random events', () => {
    const anyValue = fc.oneof(fc.string(), fc.constantFrom(...ODD_VALUES), fc.integer({ min: -2, max: 5 }));
    const mutated = fc
      .tuple(fc.constantFrom(...VALID), fc.nat(), anyValue, fc.constantFrom('PledgeMade', 'ClaimCorrected', 'constructor', 'ArticleIngested', 'Other'))
      .map(([[type, data], i, value, otherType]) => {
        const all = paths(data);
        return stored(i % 7 === 0 ? otherType : type, setAt(data, all[i % all.length], value), i % 11 === 0 ? { ...meta, schemaVersion: i % 3 } : meta);
      });
    fc.assert(
      fc.property(mutated, (e) => !fastSaysValid(e) || problemsOf(e).length === 0),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('toProjected', () => {
  const recorded = (type: string, data: unknown, revision = 0n, metadata: unknown = meta): RecordedEvent => ({
    id: 'e',
    streamName: 'article-a1',
    revision,
    position: revision,
    type,
    data: clone(data),
    metadata,
    created: new Date('2031-03-01T10:00:00Z'),
  });

  it('gives what decodeArticleEvent gives, with positions', () => {
    for (const [i, [type, data]] of VALID.entries()) {
      const e = recorded(type, data, BigInt(i));
      expect(toProjected(e)).toEqual({
        event: decodeArticleEvent(recorded(type, data, BigInt(i))),
        position: BigInt(i),
        revision: BigInt(i),
        streamName: 'article-a1',
        created: e.created,
      });
    }
  });

  it('leaves a claim after its article equal to what was stored (its strings are shared, not changed)', () => {
    toProjected(recorded('ArticleIngested', article));
    expect(toProjected(recorded('InvitationExtended', claim, 1n)).event.data).toEqual(claim);
    const moved = { ...claim, claimId: 'a1-2', evidence: { text: evidenceText, start: 2, end: 85 }, content: 'not in the sentence at all' };
    expect(toProjected(recorded('PledgeMade', moved, 2n)).event.data).toEqual(moved);
  });

  it('gives equal party lists and sources of different events one shared object, and unequal ones their own', () => {
    const first = toProjected(recorded('InvitationExtended', { ...claim, claimId: 'a1-7' }, 7n)).event.data as typeof claim;
    const again = toProjected(recorded('InvitationExtended', { ...claim, claimId: 'a1-8' }, 8n)).event.data as typeof claim;
    const other = toProjected(recorded('InvitationExtended', { ...claim, claimId: 'a1-9', source: { ...claim.source, cue: 'announced' } }, 9n)).event
      .data as typeof claim;
    expect(again.actors).toBe(first.actors);
    expect(again.source).toBe(first.source);
    expect(other.source).not.toBe(first.source);
    expect(other.source).toEqual({ ...claim.source, cue: 'announced' });
    expect(other.actors).toBe(first.actors);
  });

  it('reports a corrupt event with its stream and revision', () => {
    expect(() => toProjected(recorded('PledgeMade', { ...claim, polarity: 'maybe' }, 5n))).toThrow(InvalidEventError);
    expect(() => toProjected(recorded('PledgeMade', claim, 5n, { ...meta, schemaVersion: 2 }))).toThrow(/article-a1@5 .*newer than this reader/);
    expect(() => toProjected(recorded('TreatySigned', {}, 6n))).toThrow(/article-a1@6 .*unknown event type/);
  });
});
