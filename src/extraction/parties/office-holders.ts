// Who holds (or held) an office, and for which party: lets the extractor resolve a person named
// without a country word ("President Xi Jinping", "Modi", "Lula") to the party they speak for.
// The data is data/office-holders.json, built by scripts/office-holders/build-office-holders.mjs.
// Pure: no Nest, no I/O beyond the JSON module import; party names come from actors.ts and countries.ts.

// A static import, so that tsc copies the JSON into dist/ next to the compiled module (the runtime
// image has only dist/). The index over it is built lazily, on the first look-up.
import data from './data/office-holders.json' with { type: 'json' };
import { ACTORS, COUNTRY_EXTRAS } from './actors.js';
import { countryAliases } from './countries.js';

/** The data's version: bump with every change to the JSON; part of the extractor's version. */
export const OFFICE_HOLDERS_VERSION = '2026.1';

export interface OfficeHolder {
  name: string;
  aliases?: string[];
  /** Family name where it is not the last word ("Xi" of "Xi Jinping"). */
  surname?: string;
  party: string;
  office: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  from: string;
  /** Same forms; null while in office (as of the data's currentAsOf). */
  to: string | null;
  source: string;
}

export interface HolderMatch {
  party: string;
  office: string;
  name: string;
}

export interface OfficeHolderIndex {
  /**
   * The office holder a name refers to: by full name or alias, else (for a bare surname) by
   * surname when that is unambiguous. `atDate` (YYYY-MM-DD, the article's date) picks among
   * holders who share a name: the one in office then. Null when unknown or still ambiguous.
   */
  lookup(name: string | string[], atDate?: string): HolderMatch | null;
  readonly size: number;
}

interface OfficeHoldersFile {
  about: { version: string; currentAsOf: string };
  holders: OfficeHolder[];
}

// ---- folding ----------------------------------------------------------------------------------

/** Letters that NFKD does not decompose into a base letter plus marks. */
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ß: 'ss',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
  ŀ: 'l',
  ŧ: 't',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/**
 * Case, diacritics, apostrophes, dots, hyphens and spacing do not matter: "Sánchez" is "Sanchez",
 * "Kim Jong-un" is "Kim Jong Un", "Gideon Sa'ar" is "Gideon Saar". Words are joined by one space.
 */
export const foldName = (s: string): string =>
  s
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'`´ʻʼ.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * English news spells some letters two ways: "Đurić" as "Djuric", "Schröder" as "Schroeder".
 * Names with such letters are indexed under both spellings.
 */
const ALTERNATE_SPELLINGS: Record<string, string> = { đ: 'dj', ä: 'ae', ö: 'oe', ü: 'ue' };
const ALTERNATE_RE = new RegExp(`[${Object.keys(ALTERNATE_SPELLINGS).join('')}]`, 'g');

const nameKeys = (name: string): string[] => {
  const lower = name.toLowerCase();
  const keys = new Set([foldName(lower), foldName(lower.replace(ALTERNATE_RE, (c) => ALTERNATE_SPELLINGS[c]))]);
  keys.delete('');
  return [...keys];
};

// ---- surnames ---------------------------------------------------------------------------------

/** Words that join a family name to what precedes it: "von der Leyen", "da Silva", "al-Sisi". */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'ben',
  'abu',
  'ould',
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
]);
/** Arabic articles fold to one: news writes "al-Sisi" and "el-Sisi" for one man. */
const ARTICLES = new Set(['al', 'el']);
const REGNAL_NUMBER = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi)$/;
const GENERATION = /^(jr|sr)$/;

/**
 * Given names that end many Arabic and Malay names ("Abdullah Abdullah", "Qaboos bin Said"):
 * alone, they far more often mean someone else (or, like "said", are English words), so they are
 * no holder's bare surname.
 */
const GIVEN_NAMES = new Set([
  'abdullah',
  'mohammed',
  'mohamed',
  'muhammad',
  'mohammad',
  'mohamad',
  'ahmed',
  'ahmad',
  'ali',
  'hassan',
  'hasan',
  'hussein',
  'hussain',
  'mustafa',
  'mahmoud',
  'mahmud',
  'omar',
  'hamid',
  'rashid',
  'saleh',
  'said',
  'salem',
  'khalifa',
  'ibrahim',
  'ismail',
  'tariq',
  'idris',
  'aziz',
  'habib',
  'abubakar',
  'musa',
  'yassin',
  'zayed',
]);

/**
 * Surnames that are everyday English words or common family names ("May", "Brown", "Price",
 * "Wang", "Kim"): alone, they stand for a holder only while that holder is in office at the
 * article date; otherwise "Johnson" in a 2025 story would be Boris Johnson.
 */
const COMMON_SURNAMES = new Set([
  'english',
  'may',
  'brown',
  'browne',
  'young',
  'price',
  'bishop',
  'hunt',
  'martin',
  'henry',
  'russell',
  'miller',
  'collins',
  'peters',
  'davis',
  'cooper',
  'harris',
  'johnson',
  'phillips',
  'mitchell',
  'wallace',
  'bruce',
  'austin',
  'carter',
  'craft',
  'kenny',
  'healey',
  'cameron',
  'jonathan',
  'gabriel',
  'michel',
  'pierre',
  'jean',
  'blair',
  'bush',
  'clinton',
  'kerry',
  'haley',
  'sullivan',
  'waltz',
  'fallon',
  'reynolds',
  'hammond',
  'payne',
  'bennett',
  'abbott',
  'drew',
  'kern',
  'haas',
  'slot',
  'blok',
  'meta',
  'dion',
  'cruz',
  'castro',
  'santos',
  'paz',
  'dan',
  'gil',
  'nova',
  'bah',
  'bio',
  'boko',
  'fils',
  'voltaire',
  'teo',
  'rama',
  'laden',
  'salam',
  'moon',
  'philippe',
  'marin',
  'gallant',
  'pence',
  'vance',
  'rubio',
  'marles',
  'wong',
  'li',
  'wang',
  'zhang',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
  'ma',
  'zhu',
  'hu',
  'guo',
  'lin',
  'lu',
  'dong',
  'ding',
  'wei',
  'mao',
  'geng',
  'hua',
  'qin',
  'wen',
  'chang',
  'su',
  'lai',
  'tsai',
  'cho',
  'kim',
  'lee',
  'park',
  'choi',
  'jeong',
  'kang',
  'han',
  'shin',
  'ahn',
  'suh',
  'chung',
  'yoon',
  'ri',
  'choe',
  'ng',
  'chan',
  'koo',
  'chiu',
  'tan',
  'lim',
  'singh',
  'kumar',
  'khan',
  'ahmadi',
]);

/**
 * The forms of a holder's family name that may stand alone: the last word of the name (all of
 * it when hyphenated: "Keller-Sutter"), with the particles before it and without ("von der
 * Leyen", "Leyen"), and with a leading Arabic article dropped ("el-Sisi", "Sisi").
 * Monarchs and popes ("Charles III", "Pope Francis") have none: their names are given names;
 * others with a numeral ("Benigno Aquino III") are given a surname in the data.
 */
const surnameKeys = (holder: OfficeHolder): string[] => {
  if (holder.surname) return nameKeys(holder.surname);
  const words = holder.name
    .trim()
    .split(/\s+/)
    .filter((w) => !GENERATION.test(foldName(w)));
  const first = foldName(words[0] ?? '');
  // "Juan Carlos I", "Philippe of Belgium": a reign, not a family name.
  if (words.length < 2 || TITLES.has(first) || words.some((w) => REGNAL_NUMBER.test(foldName(w)) || w === 'of')) return [];
  const keys: string[] = [];
  let start = words.length - 1;
  keys.push(...nameKeys(words[start]));
  while (start > 1 && PARTICLES.has(foldName(words[start - 1]))) keys.push(...nameKeys(words.slice(--start).join(' ')));
  return [...new Set(keys.map(withoutArticle))].filter((k) => !GIVEN_NAMES.has(k) && !PARTY_NAMES().has(k));
};

/** Party names ("Montenegro", "Wagner"): a holder who bears one is not found by it alone. */
let partyNames: Set<string> | undefined;
const PARTY_NAMES = (): Set<string> =>
  (partyNames ??= new Set(
    [...countryAliases().map((a) => a.alias), ...ACTORS.flatMap((a) => [a.name, ...a.aliases]), ...Object.values(COUNTRY_EXTRAS).flat()].map(foldName),
  ));

const withoutArticle = (key: string): string => {
  const [first, ...rest] = key.split(' ');
  return rest.length && ARTICLES.has(first) ? rest.join(' ') : key;
};

/** Titles that news copy puts before a name; dropped from a query that does not match as it is. */
const TITLES = new Set([
  'president',
  'prime',
  'minister',
  'premier',
  'chancellor',
  'king',
  'queen',
  'emperor',
  'crown',
  'prince',
  'princess',
  'emir',
  'amir',
  'sheikh',
  'sultan',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'lord',
  'foreign',
  'defence',
  'defense',
  'secretary',
  'general',
  'gen',
  'lt',
  'senior',
  'field',
  'marshal',
  'chairman',
  'chairwoman',
  'supreme',
  'leader',
  'ayatollah',
  'pope',
  'cardinal',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'vice',
  'deputy',
  'state',
  'mullah',
  'sayyed',
  'grand',
  'duke',
  'former',
  'acting',
  'interim',
]);

const withoutTitles = (key: string): string => {
  const words = key.split(' ');
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i])) i++;
  return words.slice(i).join(' ');
};

// ---- dates ------------------------------------------------------------------------------------

/** Partial dates cover their whole year or month: from "2019" is 2019-01-01, to "2019" is 2019-12-31. */
const startOf = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const endOf = (d: string): string => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

const inOffice = (h: OfficeHolder, date: string): boolean => startOf(h.from) <= date && (h.to === null || date <= endOf(h.to));

/** In office at the date; without one, in office when the data was curated. */
const isCurrent = (h: OfficeHolder, atDate: string | undefined): boolean => (atDate === undefined ? h.to === null : inOffice(h, atDate));

// ---- choosing among holders -------------------------------------------------------------------

/**
 * Office holders derived from petrarch2 (office 'government') are thousands of little-known
 * ministers with common names ("Abdul Ali"): they count only for an article from their term.
 */
const DATE_BOUND_OFFICES = new Set(['government']);

/** Which office answers for a party when several of its holders match: the higher one. */
const OFFICE_RANK = ['head-of-state', 'head-of-government', 'foreign-minister', 'defence-minister'];
const rank = (office: string): number => {
  const i = OFFICE_RANK.indexOf(office);
  return i < 0 ? OFFICE_RANK.length : i;
};

/**
 * One holder for a name, or null when the name stays ambiguous. Holders in office at the date (or,
 * without a date, the incumbents) are preferred; what is left counts as one answer when every
 * holder in it speaks for one party (the Sharif brothers, the three Al-Sabah emirs).
 */
const choose = (holders: OfficeHolder[], atDate: string | undefined): OfficeHolder | null => {
  const eligible = holders.filter((h) => !DATE_BOUND_OFFICES.has(h.office) || (atDate !== undefined && inOffice(h, atDate)));
  if (!eligible.length) return null;
  const current = eligible.filter((h) => isCurrent(h, atDate));
  const pool = current.length ? current : eligible;
  if (new Set(pool.map((h) => h.party)).size > 1) return null;
  return pool.reduce((best, h) => (rank(h.office) < rank(best.office) || (rank(h.office) === rank(best.office) && h.from > best.from) ? h : best));
};

const match = (h: OfficeHolder): HolderMatch => ({ party: h.party, office: h.office, name: h.name });

// ---- the index --------------------------------------------------------------------------------

const add = (map: Map<string, OfficeHolder[]>, key: string, holder: OfficeHolder): void => {
  const list = map.get(key);
  if (!list) map.set(key, [holder]);
  else if (!list.includes(holder)) list.push(holder);
};

export const buildOfficeHolderIndex = (holders: readonly OfficeHolder[]): OfficeHolderIndex => {
  const byName = new Map<string, OfficeHolder[]>();
  const bySurname = new Map<string, OfficeHolder[]>();
  for (const h of holders) {
    for (const n of [h.name, ...(h.aliases ?? [])]) for (const k of nameKeys(n)) add(byName, k, h);
    if (!DATE_BOUND_OFFICES.has(h.office)) for (const k of surnameKeys(h)) add(bySurname, k, h);
  }
  const find = (key: string, atDate: string | undefined): OfficeHolder | null => {
    const named = byName.get(key);
    if (named) return choose(named, atDate);
    // A surname alone; a longer unknown name ("John Modi") is someone else, not Modi.
    const bare = bySurname.has(key) ? key : withoutArticle(key);
    const surnamed = bySurname.get(bare);
    if (!surnamed) return null;
    return choose(COMMON_SURNAMES.has(bare) ? surnamed.filter((h) => isCurrent(h, atDate)) : surnamed, atDate);
  };
  return {
    size: holders.length,
    lookup(name, atDate) {
      const key = foldName(Array.isArray(name) ? name.join(' ') : name);
      if (!key) return null;
      const found = find(key, atDate) ?? (withoutTitles(key) !== key ? find(withoutTitles(key), atDate) : null);
      return found ? match(found) : null;
    },
  };
};

let index: OfficeHolderIndex | undefined;

/** The index over the shipped data, built on first use. */
export const officeHolderIndex = (): OfficeHolderIndex => (index ??= buildOfficeHolderIndex(officeHolders()));

/** The shipped entries, for tests and tools. */
export const officeHolders = (): readonly OfficeHolder[] => (data as unknown as OfficeHoldersFile).holders;

/** The date the data's incumbents (to: null) were last checked. */
export const officeHoldersCurrentAsOf = (): string => (data as unknown as OfficeHoldersFile).about.currentAsOf;
