import { describe, expect, it } from '@jest/globals';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import { newCommandContext, toAppend } from '../../src/domain/events/index.js';
import { NO_STREAM } from '../../src/event-store/event-store.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { replay } from '../../src/projections/replay.js';
import type { Projection } from '../../src/read-models/projection.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

// A rebuild runs beside a live service: folding must give the event loop turns, or every request
// (even GET /projections) waits until the whole replay is done.
describe('replay', () => {
  it('lets timers and I/O run while it folds a long log', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 400; i++) {
      const events = ingestEvents(articleFromInput({ text: `Ruritania pledged road ${i}. Genovia pledged rail ${i}.` }), pledgeExtractor);
      await store.append(`article-${events[0].data.articleId}`, toAppend(events, newCommandContext(), 0n), NO_STREAM);
    }
    // A deliberately slow read model: about 0.5 ms per event, so the replay takes several hundred ms.
    const slow: Projection<number> = {
      name: 'slow', version: 1, initial: () => 0, serialize: (n) => n, deserialize: (n) => n as number,
      apply: (n) => {
        const until = performance.now() + 0.5;
        while (performance.now() < until);
        return n + 1;
      },
    };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const result = await replay(store, [slow], [slow.initial()]);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(result.states[0]).toBe(1200);
    // Turns come at most every ~15 ms of folding; allow plenty of slack for a loaded machine.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 100));
    expect(ticks).toBeGreaterThan(3);
  });
});
