import type { Topic } from '../domain/claim.js';

// Word stems per topic, matched at word starts. Order is the taxonomy's order, so output is stable.
const STEMS: [Topic, string[]][] = [
  ['security', ['security', 'secur', 'border', 'attack', 'threat', 'violen', 'insecurity', 'safety', 'drone', 'strike']],
  ['terrorism', ['terror', 'counterterror', 'counter-terror', 'militan', 'extremis', 'insurgen', 'jihad']],
  ['migration', ['migra', 'refugee', 'deport', 'expulsion', 'asylum', 'displace', 'returnee', 'fleeing']],
  ['trade', ['trade', 'tariff', 'export', 'import', 'econom', 'investment', 'invest', 'commerc', 'transit', 'corridor', 'prosperity']],
  [
    'diplomacy',
    [
      'diploma',
      'visit',
      'talks',
      'dialogue',
      'engagement',
      'relations',
      'embass',
      'summit',
      'negotiat',
      'ties',
      'meeting',
      'cooperation',
      'collaboration',
      'consultation',
      'sovereignty',
    ],
  ],
  [
    'infrastructure',
    [
      'infrastructure',
      'connectivity',
      'pipeline',
      'railway',
      'road',
      'port',
      'power grid',
      'energy',
      'electric',
      'generator',
      'nuclear plant',
      'communication channel',
    ],
  ],
  ['governance', ['governance', 'rights', 'election', 'corruption', 'rule of law', 'democra', 'constitution']],
  [
    'military',
    [
      'military',
      'troop',
      'army',
      'missile',
      'weapon',
      'arms',
      'artillery',
      'navy',
      'naval',
      'defense',
      'defence',
      'ceasefire',
      'truce',
      'water cannon',
      'coast guard',
    ],
  ],
  ['humanitarian', ['humanitarian', 'aid', 'civilian', 'famine', 'relief', 'food', 'medical', 'hospital', 'killing']],
];

const PATTERNS: [Topic, RegExp][] = STEMS.map(([topic, stems]) => [topic, new RegExp(`\\b(?:${stems.join('|')})`, 'i')]);

/** Topics from the claim's content first; the whole sentence only when the content names none. */
export const topicsOf = (content: string, sentence: string): Topic[] => {
  const of = (text: string) => PATTERNS.filter(([, re]) => re.test(text)).map(([topic]) => topic);
  const fromContent = of(content);
  return fromContent.length ? fromContent : of(sentence);
};
