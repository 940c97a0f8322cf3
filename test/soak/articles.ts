// Wire-style articles for the soak: real sentence shapes the extractor knows, varied parties, all distinct.
const PARTIES = ['Pakistan', 'India', 'China', 'Russia', 'Ukraine', 'Turkey', 'Iran', 'Qatar', 'Egypt', 'Kenya', 'Brazil', 'Germany', 'France', 'Japan'];
const CITIES = ['ISLAMABAD', 'NEW DELHI', 'BEIJING', 'MOSCOW', 'KYIV', 'ANKARA', 'TEHRAN', 'DOHA', 'CAIRO', 'NAIROBI', 'BRASILIA', 'BERLIN', 'PARIS', 'TOKYO'];

export const article = (n: number): string => {
  const a = PARTIES[n % PARTIES.length];
  const b = PARTIES[(n * 5 + 3) % PARTIES.length] === a ? PARTIES[(n + 1) % PARTIES.length] : PARTIES[(n * 5 + 3) % PARTIES.length];
  const city = CITIES[n % CITIES.length];
  return [
    `Talks round ${n} between ${a} and ${b}`,
    '',
    `${city} — ${a} invited ${b}'s foreign minister to visit for talks on trade corridor ${n}, the foreign ministry said on Monday.`,
    `${b} pledged to reopen border crossing ${n % 97} by June, according to a senior official.`,
    `${a} accused ${b} of delaying shipment ${n * 31}, officials told Reuters. ${b} denied the accusation.`,
    `Analysts raised concern that the dispute over route ${n} could spread.`,
  ].join('\n');
};
