import { describe, expect, it } from '@jest/globals';
import { analyze } from '../../src/extraction/nlp.js';
import { partyIndex } from '../../src/extraction/parties/party-index.js';
import { slug } from '../../src/extraction/parties/slug.js';

const ids = (text: string): string[] => {
  const a = analyze(text);
  return partyIndex()
    .match(a.tokens, 0, a.tokens.length)
    .map((m) => m.id);
};

describe('party index', () => {
  it('finds countries by name, demonym and capital from world-countries', () => {
    expect(ids('Russian troops shelled Kyiv while Poland watched.')).toEqual(['russia', 'ukraine', 'poland']);
  });
  it('uses the curated dictionary for non-state actors, bodies and metonyms', () => {
    expect(ids('The Kremlin, Hezbollah, NATO and the U.N. Security Council spoke.')).toEqual(['russia', 'hezbollah', 'nato', 'united-nations']);
  });
  it('prefers the longest name: "Pakistani Taliban" is the TTP, not Pakistan', () => {
    expect(ids('The Pakistani Taliban and Tehreek-e-Taliban Pakistan (TTP) and ISIS-K')).toEqual(['ttp', 'ttp', 'ttp', 'isis-k']);
  });
  it('matches short all-capital names only in capitals: "us" and "who" are words', () => {
    expect(ids('Let us ask who the WHO and the US blamed.')).toEqual(['who', 'united-states']);
  });
  it('needs a capital letter: "turkey" and "chad" in lower case are not parties', () => {
    expect(ids('They ate turkey with chad.')).toEqual([]);
    expect(ids('Türkiye and Turkey and Chad')).toEqual(['turkey', 'turkey', 'chad']);
  });
  it('slugs canonical names', () => {
    expect(slug('United States')).toBe('united-states');
    expect(slug('Côte d’Ivoire')).toBe('cote-divoire');
  });
});

describe('party index: spellings of English news', () => {
  it('finds plural demonyms, unaccented capitals and common variant demonyms', () => {
    expect(ids('Israelis and Afghans met Iraqis.')).toEqual(['israel', 'afghanistan', 'iraq']);
    expect(ids('Bogota, Brasilia and Kiev')).toEqual(['colombia', 'brazil', 'ukraine']);
    expect(ids('Ecuadorian, Kazakh and Argentinian officials')).toEqual(['ecuador', 'kazakhstan', 'argentina']);
  });
  it('does not invent plurals for demonyms that have none', () => {
    expect(ids('Chineses and Britishs')).toEqual([]);
  });
});
