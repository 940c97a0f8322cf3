import { describe, expect, it } from '@jest/globals';
import countries from 'world-countries';
import { ACTORS, COUNTRY_RENAMES } from '../../src/extraction/parties/actors.js';
import { countryAliases } from '../../src/extraction/parties/countries.js';
import {
  OFFICE_HOLDERS_VERSION,
  buildOfficeHolderIndex,
  foldName,
  officeHolderIndex,
  officeHolders,
  officeHoldersCurrentAsOf,
  type OfficeHolder,
} from '../../src/extraction/parties/office-holders.js';
import { slug } from '../../src/extraction/parties/slug.js';
import data from '../../src/extraction/parties/data/office-holders.json' with { type: 'json' };

const index = officeHolderIndex();
const partyOf = (name: string | string[], atDate?: string) => index.lookup(name, atDate)?.party ?? null;

const holder = (h: Partial<OfficeHolder> & Pick<OfficeHolder, 'name' | 'party' | 'from'>): OfficeHolder => ({
  office: 'head-of-state',
  to: null,
  source: 'test',
  ...h,
});

describe('office holder look-up', () => {
  it('finds a holder by full name, with or without a title', () => {
    expect(index.lookup('Narendra Modi')).toEqual({ party: 'india', office: 'head-of-government', name: 'Narendra Modi' });
    expect(partyOf('President Xi Jinping')).toBe('china');
    expect(partyOf(['Prime', 'Minister', 'Keir', 'Starmer'])).toBe('united-kingdom');
    expect(partyOf('Sergei Lavrov')).toBe('russia');
    expect(partyOf('Sergey Lavrov')).toBe('russia');
  });

  it('finds a holder by surname alone when only one holder has it', () => {
    expect(partyOf('Modi')).toBe('india');
    expect(partyOf('Erdogan')).toBe('turkey');
    expect(partyOf('Guterres')).toBe('united-nations');
    expect(partyOf('von der Leyen', '2024-05-01')).toBe('european-union');
  });

  it('takes a family name that comes first where the data says so', () => {
    expect(partyOf('Xi')).toBe('china');
    expect(partyOf('Yoon', '2023-01-01')).toBe('south-korea');
  });

  it('knows the names news copy uses instead of the full name', () => {
    expect(partyOf('Lula')).toBe('brazil');
    expect(partyOf('Zelensky')).toBe('ukraine');
    expect(partyOf('MBS')).toBe('saudi-arabia');
    expect(partyOf('King Charles')).toBe('united-kingdom');
  });

  it('folds case and diacritics, including letters NFKD leaves alone', () => {
    expect(partyOf('Pedro Sanchez')).toBe('spain');
    expect(partyOf('PEDRO SÁNCHEZ')).toBe('spain');
    expect(partyOf('Wladyslaw Kosiniak-Kamysz')).toBe('poland');
    expect(partyOf('Radoslaw Sikorski')).toBe('poland');
    expect(partyOf('Jonas Gahr Store')).toBe('norway');
    expect(partyOf('Ibrahim Kalin')).toBe('turkey');
    expect(foldName('Łukasz Øster Đurić Straße Işık')).toBe('lukasz oster duric strasse isik');
    expect(foldName('Kim Jong-un')).toBe(foldName('Kim Jong Un'));
  });

  it('matches the two English spellings of Đ and of umlauts', () => {
    expect(partyOf('Marko Djuric')).toBe('serbia');
    expect(partyOf('Marko Duric')).toBe('serbia');
    expect(partyOf('Gerhard Schroeder', '2004-01-01')).toBe('germany');
  });

  it('treats al- and el- as one Arabic article', () => {
    expect(partyOf('Sisi')).toBe('egypt');
    expect(partyOf('al-Sisi')).toBe('egypt');
    expect(partyOf('el-Sisi')).toBe('egypt');
  });

  it('picks, among holders of one surname, the one in office at the article date', () => {
    const two = buildOfficeHolderIndex([
      holder({ name: 'Ana Perez', party: 'spain', from: '2015', to: '2019-06-30' }),
      holder({ name: 'Luis Perez', party: 'mexico', from: '2019-07-01' }),
    ]);
    expect(two.lookup('Perez', '2017-03-01')?.party).toBe('spain');
    expect(two.lookup('Perez', '2021-03-01')?.party).toBe('mexico');
    // Before either held office: nothing decides between them.
    expect(two.lookup('Perez', '2010-01-01')).toBeNull();
  });

  it('does the same on the shipped data', () => {
    // "King Abdullah": both the Saudi king (to 2015) and the Jordanian one reigned in 2010.
    expect(partyOf('King Abdullah', '2010-06-01')).toBeNull();
    expect(partyOf('King Abdullah', '2020-06-01')).toBe('jordan');
    // "Sánchez": Spain's prime minister and Colombia's defence minister since 2025.
    expect(partyOf('Sánchez', '2020-01-01')).toBe('spain');
    expect(partyOf('Sánchez', '2025-06-01')).toBeNull();
    expect(partyOf('Pedro Sánchez', '2025-06-01')).toBe('spain');
    // One person, two parties over time.
    expect(partyOf('Donald Tusk', '2017-01-01')).toBe('european-union');
    expect(partyOf('Donald Tusk', '2024-06-01')).toBe('poland');
    expect(partyOf('Jolani', '2022-01-01')).toBe('hts');
    expect(partyOf('Jolani', '2025-06-01')).toBe('syria');
  });

  it('without a date, prefers the incumbent over predecessors who shared the name', () => {
    expect(partyOf('António Costa')).toBe('european-union');
    expect(partyOf('Rasmussen')).toBe('denmark');
  });

  it('answers with one party when every holder of a surname speaks for it', () => {
    expect(partyOf('Sharif')).toBe('pakistan');
    expect(partyOf('Aoun')).toBe('lebanon');
    expect(index.lookup('Aoun', '2025-06-01')?.name).toBe('Joseph Aoun');
  });

  it('returns null for unknown names and for longer names that only share a surname', () => {
    expect(index.lookup('John Smithsonian-Quux')).toBeNull();
    expect(index.lookup('Rahul Modi')).toBeNull();
    expect(index.lookup('')).toBeNull();
    expect(index.lookup([])).toBeNull();
    // Lee Hsien Loong (Singapore) and Lee Nak-yon (South Korea) were both prime ministers then.
    expect(partyOf('Lee', '2020-01-01')).toBeNull();
    expect(partyOf('Kim', '2025-08-01')).toBeNull();
    expect(partyOf('Abdullah')).toBeNull();
  });

  it('takes a hyphenated family name whole', () => {
    expect(partyOf('Keller-Sutter', '2025-03-01')).toBe('switzerland');
    expect(partyOf('Akufo-Addo')).toBe('ghana');
  });

  it('never finds a holder by a bare word that names a party or is a given name', () => {
    // Luís Montenegro (Portugal), Thérèse Kayikwamba Wagner (DR Congo), Qaboos bin Said (Oman).
    expect(partyOf('Montenegro')).toBeNull();
    expect(partyOf('Wagner')).toBeNull();
    expect(partyOf('Said')).toBeNull();
    expect(partyOf('Luís Montenegro')).toBe('portugal');
  });

  it('finds common surnames alone only for a holder in office at the article date', () => {
    expect(partyOf('Johnson', '2020-01-01')).toBe('united-kingdom');
    expect(partyOf('Johnson', '2024-01-01')).toBeNull();
    expect(partyOf('May', '2018-01-01')).toBe('united-kingdom');
    expect(partyOf('May')).toBeNull();
    expect(partyOf('Mubarak', '2005-01-01')).toBe('egypt');
    expect(partyOf('Mubarak', '2024-06-01')).toBe('yemen');
  });

  it('gives monarchs and popes no surname', () => {
    expect(partyOf('Carlos')).toBeNull();
    expect(partyOf('Belgium')).toBeNull();
    expect(partyOf('Pope Leo')).toBe('vatican-city');
    expect(partyOf('Leo')).toBeNull();
  });

  it('matches government members taken from petrarch2 only by full name within their term', () => {
    const derived = officeHolders().find((h) => h.source.startsWith('petrarch2:') && h.name === 'Seyoum Mesfin');
    expect(derived).toBeDefined();
    expect(partyOf('Seyoum Mesfin', '2008-01-01')).toBe('ethiopia');
    expect(partyOf('Seyoum Mesfin', '2020-01-01')).toBeNull();
    expect(partyOf('Seyoum Mesfin')).toBeNull();
    expect(partyOf('Mesfin', '2008-01-01')).toBeNull();
  });
});

describe('office holder data', () => {
  const holders = officeHolders();

  it('has a version, and names the date its incumbents were checked', () => {
    expect(OFFICE_HOLDERS_VERSION).toMatch(/^\d{4}\.\d+$/);
    expect(data.about.version).toBe(OFFICE_HOLDERS_VERSION);
    expect(officeHoldersCurrentAsOf()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(index.size).toBe(holders.length);
  });

  it('uses only party ids that the party index knows', () => {
    const known = new Set([...countryAliases().map((a) => a.id), ...ACTORS.map((a) => a.id)]);
    const unknown = [...new Set(holders.map((h) => h.party))].filter((p) => !known.has(p));
    expect(unknown).toEqual([]);
  });

  it('has, for every UN member state, a head of state or government in office', () => {
    const asOf = officeHoldersCurrentAsOf();
    // Afghanistan's de-facto government is its own party in the index.
    const heldBy: Record<string, string> = { afghanistan: 'taliban' };
    const heads = new Set(
      holders
        .filter((h) => (h.office === 'head-of-state' || h.office === 'head-of-government') && h.from <= asOf && (h.to === null || h.to >= asOf))
        .map((h) => h.party),
    );
    const members = (countries as unknown as { name: { common: string }; unMember: boolean }[])
      .filter((c) => c.unMember)
      .map((c) => slug(COUNTRY_RENAMES[c.name.common] ?? c.name.common));
    expect(members.length).toBeGreaterThanOrEqual(193);
    expect(members.filter((m) => !heads.has(heldBy[m] ?? m))).toEqual([]);
  });

  it('has well-formed entries: dates in order, sources, no duplicates', () => {
    const date = /^\d{4}(-\d{2}(-\d{2})?)?$/;
    const bad = holders.filter((h) => !h.name.trim() || !h.office || !h.source || !date.test(h.from) || (h.to !== null && (!date.test(h.to) || h.to < h.from)));
    expect(bad).toEqual([]);
    const keys = holders.map((h) => `${h.party}|${h.office}|${foldName(h.name)}|${h.from}`);
    expect(keys.length - new Set(keys).size).toBe(0);
  });

  it('does not let one person hold one office twice at once', () => {
    const byKey = new Map<string, OfficeHolder[]>();
    for (const h of holders) {
      const k = `${h.party}|${h.office}|${foldName(h.name)}`;
      byKey.set(k, [...(byKey.get(k) ?? []), h]);
    }
    const overlapping = [...byKey.values()].filter(
      (terms) =>
        terms.length > 1 && terms.sort((a, b) => a.from.localeCompare(b.from)).some((t, i) => i > 0 && (terms[i - 1].to === null || terms[i - 1].to! > t.from)),
    );
    expect(overlapping.filter((terms) => terms[0].source === 'curated')).toEqual([]);
  });
});
