import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACES = ['GENEVA', 'NAIROBI', 'MANILA', 'KYIV', 'DOHA', 'BRASILIA', 'HANOI', 'OSLO'];
const PARTIES = ['Ruritania', 'Freedonia', 'Latveria', 'Sokovia', 'Genovia', 'Zubrowka'];

/** A small deterministic generator of distinct wire-style articles for write-path tests. */
export const writeCorpus = (dir: string, count: number): string[] => {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = PARTIES[i % PARTIES.length];
    const b = PARTIES[(i * 7 + 3) % PARTIES.length];
    const text = [
      `Talks number ${i} in ${PLACES[i % PLACES.length].toLowerCase()}`,
      '',
      `${PLACES[i % PLACES.length]} — ${a} pledged on day ${i} to reopen the crossing with ${b}, officials said.`,
      `${b} accused ${a} of delaying shipment ${i * 31}. Both sides pledged to meet again in round ${i + 2}.`,
    ].join('\n');
    const file = join(dir, `${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
};
