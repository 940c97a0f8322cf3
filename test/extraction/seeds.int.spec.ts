import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../../src/cli/commands/eval.js';

// Regression floors, a little under what the extractor reaches (seeds 1.00; fixtures 0.74 since the Venezuela and Ethiopia articles joined them).
describe('extraction quality', () => {
  it('scores full F1 >= 0.95 on the seed articles', async () => {
    const r = await evaluate('test/extraction/seeds-gold.json', 'seeds');
    expect(r.full.f1).toBeGreaterThanOrEqual(0.95);
  });
  it('scores full F1 >= 0.72 on the fixtures of other regions', async () => {
    const r = await evaluate('test/extraction/fixtures/gold.json', 'test/extraction/fixtures');
    expect(r.full.f1).toBeGreaterThanOrEqual(0.72);
    expect(r.detection.f1).toBeGreaterThanOrEqual(0.9);
  });
});
