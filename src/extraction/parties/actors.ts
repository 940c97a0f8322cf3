// The curated party dictionary: actors that no country list holds (governments-in-fact, armed
// groups, alliances, international bodies), metonyms that stand for a state in news copy
// ("the Kremlin"), and extra names for countries that the world-countries data lacks or gets
// wrong for English news (it calls Turkey "Türkiye" and the US capital "Washington D.C.").
// Bump DICTIONARY_VERSION whenever an entry changes: it is part of the extractor's version.

export const DICTIONARY_VERSION = '2026.1';

export type ActorKind = 'country' | 'government' | 'armed-group' | 'body' | 'alliance';

export interface CuratedParty {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
}

/** Non-state actors and international bodies. */
export const ACTORS: CuratedParty[] = [
  { id: 'taliban', name: 'Taliban', kind: 'government', aliases: ['Taliban', 'Afghan Taliban', 'Islamic Emirate', 'Islamic Emirate of Afghanistan'] },
  {
    id: 'ttp',
    name: 'Tehrik-i-Taliban Pakistan',
    kind: 'armed-group',
    aliases: ['TTP', 'Tehrik-i-Taliban Pakistan', 'Tehreek-e-Taliban Pakistan', 'Tehrik-e-Taliban Pakistan', 'Pakistani Taliban'],
  },
  {
    id: 'isis-k',
    name: 'Islamic State Khorasan',
    kind: 'armed-group',
    aliases: [
      'ISIS-K',
      'ISKP',
      'IS-K',
      'IS-KP',
      'Islamic State Khorasan',
      'Islamic State-Khorasan',
      'Islamic State Khorasan Province',
      "Islamic State's Khorasan branch",
      "Islamic State's Khorasan Province",
      'Islamic State in Khorasan',
    ],
  },
  { id: 'isis', name: 'Islamic State', kind: 'armed-group', aliases: ['Islamic State', 'ISIS', 'ISIL', 'Daesh'] },
  { id: 'al-qaeda', name: 'al-Qaeda', kind: 'armed-group', aliases: ['al-Qaeda', 'al Qaeda', 'Al-Qaida', 'al-Qaida', 'AQAP'] },
  { id: 'hamas', name: 'Hamas', kind: 'armed-group', aliases: ['Hamas'] },
  { id: 'fatah', name: 'Fatah', kind: 'government', aliases: ['Fatah'] },
  { id: 'hezbollah', name: 'Hezbollah', kind: 'armed-group', aliases: ['Hezbollah', 'Hizbollah', 'Hizballah', 'Hizbullah'] },
  { id: 'houthis', name: 'Houthis', kind: 'armed-group', aliases: ['Houthis', 'Houthi', 'Ansar Allah', 'Ansarallah'] },
  { id: 'islamic-jihad', name: 'Palestinian Islamic Jihad', kind: 'armed-group', aliases: ['Palestinian Islamic Jihad', 'Islamic Jihad'] },
  { id: 'rsf', name: 'Rapid Support Forces', kind: 'armed-group', aliases: ['Rapid Support Forces', 'RSF'] },
  { id: 'wagner', name: 'Wagner Group', kind: 'armed-group', aliases: ['Wagner Group', 'Wagner', 'Africa Corps'] },
  { id: 'al-shabaab', name: 'al-Shabaab', kind: 'armed-group', aliases: ['al-Shabaab', 'al Shabaab', 'Al-Shabab', 'Shabaab', 'Shabab', 'al-Shabab'] },
  { id: 'boko-haram', name: 'Boko Haram', kind: 'armed-group', aliases: ['Boko Haram'] },
  { id: 'pkk', name: "Kurdistan Workers' Party", kind: 'armed-group', aliases: ['PKK', "Kurdistan Workers' Party"] },
  { id: 'sdf', name: 'Syrian Democratic Forces', kind: 'armed-group', aliases: ['Syrian Democratic Forces', 'SDF'] },
  { id: 'hts', name: 'Hayat Tahrir al-Sham', kind: 'armed-group', aliases: ['Hayat Tahrir al-Sham', 'HTS'] },
  { id: 'm23', name: 'M23', kind: 'armed-group', aliases: ['M23', 'March 23 Movement'] },
  { id: 'baloch-liberation-army', name: 'Baloch Liberation Army', kind: 'armed-group', aliases: ['Baloch Liberation Army', 'BLA'] },
  {
    id: 'united-nations',
    name: 'United Nations',
    kind: 'body',
    aliases: [
      'United Nations',
      'UN',
      'U.N.',
      'UN Security Council',
      'U.N. Security Council',
      'Security Council',
      'General Assembly',
      'UNHCR',
      'UNRWA',
      'UNIFIL',
      'UNICEF',
      'OCHA',
      'World Food Programme',
      'WFP',
      'UN Human Rights Council',
      'Human Rights Council',
    ],
  },
  {
    id: 'european-union',
    name: 'European Union',
    kind: 'alliance',
    aliases: ['European Union', 'EU', 'E.U.', 'European Commission', 'European Council', 'Brussels'],
  },
  { id: 'nato', name: 'NATO', kind: 'alliance', aliases: ['NATO', 'Nato', 'North Atlantic Treaty Organization'] },
  { id: 'african-union', name: 'African Union', kind: 'body', aliases: ['African Union', 'AU'] },
  { id: 'asean', name: 'ASEAN', kind: 'body', aliases: ['ASEAN', 'Association of Southeast Asian Nations'] },
  { id: 'arab-league', name: 'Arab League', kind: 'body', aliases: ['Arab League', 'League of Arab States'] },
  { id: 'gulf-cooperation-council', name: 'Gulf Cooperation Council', kind: 'body', aliases: ['Gulf Cooperation Council', 'GCC'] },
  {
    id: 'shanghai-cooperation-organisation',
    name: 'Shanghai Cooperation Organisation',
    kind: 'body',
    aliases: ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'],
  },
  { id: 'ecowas', name: 'ECOWAS', kind: 'body', aliases: ['ECOWAS', 'Economic Community of West African States'] },
  { id: 'osce', name: 'OSCE', kind: 'body', aliases: ['OSCE', 'Organization for Security and Co-operation in Europe'] },
  { id: 'iaea', name: 'International Atomic Energy Agency', kind: 'body', aliases: ['International Atomic Energy Agency', 'IAEA'] },
  { id: 'icc', name: 'International Criminal Court', kind: 'body', aliases: ['International Criminal Court', 'ICC'] },
  { id: 'icj', name: 'International Court of Justice', kind: 'body', aliases: ['International Court of Justice', 'ICJ', 'World Court'] },
  { id: 'who', name: 'World Health Organization', kind: 'body', aliases: ['World Health Organization', 'WHO'] },
  { id: 'icrc', name: 'International Committee of the Red Cross', kind: 'body', aliases: ['International Committee of the Red Cross', 'ICRC', 'Red Cross'] },
  { id: 'imf', name: 'International Monetary Fund', kind: 'body', aliases: ['International Monetary Fund', 'IMF'] },
  { id: 'world-bank', name: 'World Bank', kind: 'body', aliases: ['World Bank'] },
  { id: 'opec', name: 'OPEC', kind: 'body', aliases: ['OPEC', 'OPEC+'] },
  { id: 'g7', name: 'G7', kind: 'body', aliases: ['G7', 'Group of Seven', 'G-7'] },
  { id: 'brics', name: 'BRICS', kind: 'body', aliases: ['BRICS'] },
];

/** Extra names for countries, keyed by party id: short forms, metonyms, state organs. */
export const COUNTRY_EXTRAS: Record<string, string[]> = {
  'united-states': [
    'US',
    'USA',
    'U.S.',
    'U.S.A.',
    'America',
    'Washington',
    'White House',
    'Pentagon',
    'State Department',
    'U.S. State Department',
    'Trump administration',
    'Biden administration',
  ],
  // Not "Foreign Office": Pakistan's, India's and Germany's are called that too.
  'united-kingdom': ['Britain', 'Great Britain', 'British', 'UK', 'U.K.', 'Downing Street', 'Whitehall'],
  philippines: ['Philippine', 'Malacanang', 'Malacañang'],
  'saudi-arabia': ['Saudi', 'Saudis', 'Riyadh'],
  russia: ['Kremlin', 'Russian Federation'],
  china: ['PRC', 'P.R.C.', "People's Republic of China", 'Zhongnanhai'],
  'north-korea': ['DPRK', 'D.P.R.K.', 'N. Korea'],
  'south-korea': ['ROK', 'Blue House'],
  turkey: ['Turkey', 'Türkiye', 'Turkiye', 'Turkish', 'Ankara'],
  france: ['Elysee', 'Élysée', 'Elysee Palace'],
  // "The Zionist regime" is how Iranian and some Arab state media name Israel.
  israel: ['IDF', 'Israel Defense Forces', 'Israeli military', 'Knesset', 'Zionist regime', 'Zionist entity'],
  iran: ['IRGC', 'Revolutionary Guards', 'Islamic Revolutionary Guard Corps'],
  sudan: ['Sudanese Armed Forces', 'SAF'],
  palestine: ['Palestinian Authority'],
  taiwan: ['Taipei'],
  czechia: ['Czech Republic'],
  'ivory-coast': ["Côte d'Ivoire", "Cote d'Ivoire"],
  myanmar: ['Burma', 'Naypyitaw', 'Naypyidaw'],
  // Demonyms and capitals in the spelling English news uses where the data has another one.
  ecuador: ['Ecuadorian'],
  kazakhstan: ['Kazakh'],
  uzbekistan: ['Uzbek'],
  kyrgyzstan: ['Kyrgyz'],
  tajikistan: ['Tajik'],
  'bosnia-and-herzegovina': ['Bosnian', 'Bosnia'],
  slovenia: ['Slovenian'],
  argentina: ['Argentinian'],
  ukraine: ['Kiev'],
  yemen: ['Sanaa'],
  india: ['Delhi'],
};

/**
 * Names that news copy uses for more than one party. The article decides (the candidate it has
 * mentioned most so far); without a hint the first is taken: English news says "Congo" for the DRC.
 * Demonyms that the country data shares between states ("Dominican", "Guinean") are ambiguous
 * too, but have no default and are dropped unless the article decides.
 */
export const AMBIGUOUS_NAMES: Record<string, string[]> = {
  Congo: ['dr-congo', 'republic-of-the-congo'],
  Congolese: ['dr-congo', 'republic-of-the-congo'],
};

/** Renames of world-countries' common names to the names English news uses. */
export const COUNTRY_RENAMES: Record<string, string> = { Türkiye: 'Turkey' };

/** Capitals that are also common personal or place names elsewhere; they mislead more than help. */
export const AMBIGUOUS_CAPITALS = new Set([
  'Victoria',
  'Kingston',
  'Hamilton',
  'Jamestown',
  'Georgetown',
  'Nassau',
  'Washington D.C.',
  'Brussels',
  'Palikir',
  'King Edward Point',
]);
