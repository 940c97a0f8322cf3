import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../../src/cli/commands/eval.js';

// Regression floors, a little under what the extractor reaches: seeds 1.00; the 14 fixture articles
// of other regions 0.86 full F1 and 1.00 detection with extractor 1.1. The last seven were written,
// with their gold, before any rule was run on them (first runs: 0.58, 0.61 and 0.67 full F1); rules
// were then tuned on them, so the fixtures now measure regressions, not unseen text. The two fresh
// articles were written with their gold for extractor 2.0 before it read them: first run 0.56 full
// F1 (0.96 detection), mostly actors; 0.88 after the generic fixes that run pointed to. A third,
// written the same way later, scored 0.75 on its first run (0.88 detection).
describe('extraction quality', () => {
  it('scores full F1 >= 0.95 on the seed articles', async () => {
    const r = await evaluate('test/extraction/seeds-gold.json', 'seeds');
    expect(r.full.f1).toBeGreaterThanOrEqual(0.95);
  });
  it('scores full F1 >= 0.84 on the fixtures of other regions', async () => {
    const r = await evaluate('test/extraction/fixtures/gold.json', 'test/extraction/fixtures');
    expect(r.full.f1).toBeGreaterThanOrEqual(0.84);
    expect(r.detection.f1).toBeGreaterThanOrEqual(0.95);
  });
  it('scores full F1 >= 0.85 on the fresh articles', async () => {
    const r = await evaluate('test/extraction/fresh/gold.json', 'test/extraction/fresh');
    expect(r.full.f1).toBeGreaterThanOrEqual(0.85);
  });
});
