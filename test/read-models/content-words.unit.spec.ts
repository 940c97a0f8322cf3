import { describe, expect, it } from '@jest/globals';
import { contentWords } from '../../src/read-models/conflicts/content-words.js';

describe('contentWords', () => {
  it('folds accents only where there are any, and reads plain ASCII as before', () => {
    expect(contentWords('Rebuild the Bridges of Zürich and the café terraces')).toEqual(['rebuild', 'bridge', 'zurich', 'cafe', 'terrace']);
    expect(contentWords('rebuild the bridges of zurich and the cafe terraces')).toEqual(['rebuild', 'bridge', 'zurich', 'cafe', 'terrace']);
    // A decomposed accent (e + U+0301) folds the same as a composed one.
    expect(contentWords('cafe\u0301 talks')).toEqual(['cafe', 'talk']);
    expect(contentWords('the and of')).toEqual([]);
  });
});
