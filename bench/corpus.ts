// A deterministic corpus of wire-style articles (same seed, same text), built from the shapes of
// real news sentences with varied parties, offices and sources, for the benchmarks.

export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const COUNTRIES = [
  ['Ukraine', 'Ukrainian', 'Kyiv'], ['Russia', 'Russian', 'Moscow'], ['Israel', 'Israeli', 'Jerusalem'], ['Iran', 'Iranian', 'Tehran'],
  ['China', 'Chinese', 'Beijing'], ['the Philippines', 'Philippine', 'Manila'], ['India', 'Indian', 'New Delhi'], ['Pakistan', 'Pakistani', 'Islamabad'],
  ['Sudan', 'Sudanese', 'Khartoum'], ['Egypt', 'Egyptian', 'Cairo'], ['Turkey', 'Turkish', 'Ankara'], ['Venezuela', 'Venezuelan', 'Caracas'],
  ['Japan', 'Japanese', 'Tokyo'], ['South Korea', 'South Korean', 'Seoul'], ['Qatar', 'Qatari', 'Doha'], ['Ethiopia', 'Ethiopian', 'Addis Ababa'],
  ['Germany', 'German', 'Berlin'], ['France', 'French', 'Paris'], ['Brazil', 'Brazilian', 'Brasilia'], ['Nigeria', 'Nigerian', 'Abuja'],
  ['Saudi Arabia', 'Saudi', 'Riyadh'], ['Poland', 'Polish', 'Warsaw'], ['Kenya', 'Kenyan', 'Nairobi'], ['Indonesia', 'Indonesian', 'Jakarta'],
] as const;
const OFFICES = ['foreign minister', 'defence minister', 'prime minister', 'president', 'foreign ministry spokesperson', 'national security adviser'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'AFP', 'Al Jazeera', 'Dawn', 'The Hindu', 'Kyiv Independent', 'Anadolu Agency', 'Nikkei Asia'];
const OUTLETS = ['Reuters', 'the Associated Press', 'AFP', 'state television', 'a local broadcaster'];
const TOPICS = [
  'border security', 'trade and transit', 'migrant returns', 'energy infrastructure', 'prisoner exchanges', 'maritime patrols',
  'grain exports', 'water sharing', 'counter-terrorism', 'nuclear safety', 'debt relief', 'refugee camps',
];
const NAMES = [
  'Elena Marković', 'Tariq Hussain', 'Mei Lin', 'Jonas Berg', 'Amara Okafor', 'Diego Salas', 'Yuki Tanaka', 'Omar Haddad',
  'Sofia Almeida', 'Ravi Menon', 'Fatima Zahra', 'Piotr Nowak', 'Grace Wanjiru', 'Ahmed Al-Sayed', 'Hana Kim', 'Luis Ortega',
];

const TEMPLATES: Array<(p: Parts) => string> = [
  (p) => `${p.a.demonym} ${cap(p.office)} ${p.name} said ${p.a.country} had invited ${p.b.demonym} officials to visit ${p.a.capital} for talks on ${p.topic}.`,
  (p) => `${cap(p.b.country)} accused ${p.a.country} of violating the ceasefire near the border, according to a statement from the ${p.b.demonym} ${p.office2}.`,
  (p) => `The two sides pledged to expand cooperation on ${p.topic}, the ${p.a.demonym} ${p.office2} said in a statement.`,
  (p) => `${p.b.demonym} officials, speaking on condition of anonymity, told ${p.outlet} that ${p.a.country} had raised concerns about ${p.topic}.`,
  (p) => `However, a ${p.b.demonym} ${p.office2} said the focus of the meeting was largely on ${p.topic}.`,
  (p) => `${p.name}, ${p.a.country}'s ${p.office}, reportedly reiterated assurances that ${p.a.demonym} territory would not be used against ${p.b.country}.`,
  (p) => `${cap(p.a.country)} denied accusations by ${p.b.country} that it had supplied weapons to armed groups in the region.`,
  (p) => `Analysts say the talks come at a sensitive time for both governments, as pressure builds over ${p.topic}.`,
  (p) => `The next round of talks is expected to be held in ${p.b.capital}, with ${p.b.country} set to serve as host.`,
  (p) => `${cap(p.a.country)} and ${p.b.country} agreed to strengthen collaboration in ${p.topic}, according to ${p.outlet}.`,
  (p) => `"We will not accept any interference in our internal affairs," ${p.name} told reporters in ${p.a.capital}, warning ${p.b.country} against further provocations.`,
  (p) => `${p.b.demonym} President ${p.name2} invited his ${p.a.demonym} counterpart to attend a summit on ${p.topic} next month, a spokesperson said.`,
  (p) => `${cap(p.b.country)} expressed concern over the humanitarian situation along the border, the ${p.b.demonym} ${p.office} said on ${p.day}.`,
  (p) => `A senior ${p.a.demonym} official, who asked not to be named, said ${p.a.country} would reportedly send a delegation to ${p.b.capital} to discuss ${p.topic}.`,
  (p) => `${cap(p.a.country)} has committed $${p.amount} million in aid to ${p.b.country}, the ${p.a.demonym} ${p.office2} announced on ${p.day}.`,
];

interface Parts {
  a: { country: string; demonym: string; capital: string };
  b: { country: string; demonym: string; capital: string };
  office: string;
  office2: string;
  outlet: string;
  topic: string;
  name: string;
  name2: string;
  day: string;
  amount: number;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** About forty articles a day from 2024-01-01, so time filters have something to cut. */
export const publishedOn = (index: number): string => new Date(Date.UTC(2024, 0, 1) + Math.floor(index / 40) * 86_400_000).toISOString().slice(0, 10);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface CorpusArticle {
  text: string;
  body: string;
  words: number;
}

const pickParts = (random: () => number): Parts => {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const ca = pick(COUNTRIES);
  let cb = pick(COUNTRIES);
  if (cb === ca) cb = COUNTRIES[(COUNTRIES.indexOf(ca) + 1) % COUNTRIES.length];
  return {
    a: { country: ca[0], demonym: ca[1], capital: ca[2] },
    b: { country: cb[0], demonym: cb[1], capital: cb[2] },
    office: pick(OFFICES), office2: pick(OFFICES), outlet: pick(OUTLETS), topic: pick(TOPICS), name: pick(NAMES),
    name2: pick(NAMES), day: pick(DAYS), amount: 5 * (1 + Math.floor(random() * 100)),
  };
};

const shuffled = (n: number, random: () => number): number[] => {
  const xs = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

const article = (random: () => number, index: number, more: (lines: string[]) => boolean): CorpusArticle => {
  const first = pickParts(random);
  let parts = first;
  const lines: string[] = [];
  let deck: number[] = [];
  while (more(lines)) {
    // A long article moves on to other parties every few paragraphs, as a round-up does.
    if (lines.length > 0 && lines.length % 12 === 0) parts = pickParts(random);
    // Sentence shapes are dealt from a shuffled deck, so a short article does not repeat one.
    if (deck.length === 0) deck = shuffled(TEMPLATES.length, random);
    lines.push(TEMPLATES[deck.pop()!](parts));
  }
  // A unique closing sentence keeps every body (and so every article id) distinct.
  lines.push(`This is report number ${index} in the series.`);
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += 3) paragraphs.push(lines.slice(i, i + 3).join(' '));
  const body = paragraphs.join('\n\n');
  const headline = `${cap(first.a.country)} and ${first.b.country} hold talks on ${first.topic}`;
  const header = `outlet: ${PUBLISHERS[index % PUBLISHERS.length]}\npublished: ${publishedOn(index)}\n\n`;
  return { text: `${header}${headline}\n\n${first.a.capital.toUpperCase()} — ${body}`, body, words: body.split(/\s+/).length };
};

/** `sentences` sets the length; each article is one dateline paragraph and a few more. */
export const generateArticle = (random: () => number, index: number, sentences = 10): CorpusArticle =>
  article(random, index, (lines) => lines.length < sentences);

/** An article whose body is at least `bytes` long (UTF-8), for the linearity runs. */
export const generateArticleOfSize = (random: () => number, index: number, bytes: number): CorpusArticle => {
  let size = 0;
  return article(random, index, (lines) => {
    if (lines.length > 0) size += Buffer.byteLength(lines[lines.length - 1]) + 1;
    return size < bytes;
  });
};

export const generateCorpus = (count: number, seed = 42, sentences = 10): CorpusArticle[] => {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => generateArticle(random, i, sentences));
};
