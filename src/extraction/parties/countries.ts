import countries from 'world-countries';
import { AMBIGUOUS_CAPITALS, COUNTRY_RENAMES } from './actors.js';
import { slug } from './slug.js';

export interface PartyAlias {
  id: string;
  alias: string;
  form: 'name' | 'demonym' | 'capital' | 'metonym';
}

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  independent?: boolean | null;
  unMember?: boolean;
}

// Territories without a government of their own rarely act in diplomacy, and their names
// ("Jersey", "Guernsey", "Reunion") collide with ordinary words and names.
const STATES_WITHOUT_UN_SEAT = new Set(['Palestine', 'Taiwan', 'Kosovo', 'Vatican City', 'Western Sahara']);

/** Latin-script names only; two-letter codes ("IN", "TO", "ME") are English words. */
const usable = (alias: string): boolean => alias.length >= 3 && !alias.includes(',') && /^[\p{Script=Latin}\s.'’-]+$/u.test(alias);

export const countryAliases = (): PartyAlias[] => {
  const out: PartyAlias[] = [];
  for (const c of countries as unknown as CountryRecord[]) {
    if (!c.unMember && !c.independent && !STATES_WITHOUT_UN_SEAT.has(c.name.common)) continue;
    const name = COUNTRY_RENAMES[c.name.common] ?? c.name.common;
    const id = slug(name);
    const add = (alias: string | undefined, form: PartyAlias['form']) => {
      if (alias && usable(alias)) out.push({ id, alias, form });
    };
    add(name, 'name');
    add(c.name.common, 'name');
    add(c.name.official, 'name');
    for (const a of c.altSpellings ?? []) add(a, 'name');
    add(c.demonyms?.eng?.m, 'demonym');
    add(c.demonyms?.eng?.f, 'demonym');
    // The people: "Israelis", "Afghans" (not "Chineses", "Britishs").
    if (c.demonyms?.eng?.m && /(an|i)$/.test(c.demonyms.eng.m)) add(`${c.demonyms.eng.m}s`, 'demonym');
    for (const cap of c.capital ?? []) if (!AMBIGUOUS_CAPITALS.has(cap)) add(cap, 'capital');
  }
  return out;
};
