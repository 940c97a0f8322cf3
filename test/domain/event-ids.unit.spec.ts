import { describe, expect, it } from '@jest/globals';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { eventIdFor, newCommandContext, toAppend } from '../../src/domain/events/index.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// EventStoreDB makes an append idempotent by its events' ids: a retried append must carry the same ones.
describe('event ids', () => {
  const events = ingestEvents(articleFromInput({ text: 'Ruritania pledged road. Genovia pledged rail.' }), pledgeExtractor);

  it('are UUIDs derived from article, revision, type and claim: the same append twice has the same ids', () => {
    const first = toAppend(events, newCommandContext(), 0n).map((e) => e.id);
    const retried = toAppend(events, newCommandContext(), 0n).map((e) => e.id);
    expect(retried).toEqual(first);
    for (const id of first) expect(id).toMatch(UUID);
    expect(new Set(first).size).toBe(3);
  });

  it('differ for another revision or another claim', () => {
    const [, pledge, other] = events;
    expect(eventIdFor(pledge, 1n)).not.toBe(eventIdFor(pledge, 5n));
    expect(eventIdFor(pledge, 1n)).not.toBe(eventIdFor(other, 1n));
  });
});
