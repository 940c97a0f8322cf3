#!/usr/bin/env node
// Builds src/extraction/parties/data/office-holders.json from two sources:
//   1. curated.txt (next to this script): hand-kept office holders, mostly since about 2015;
//   2. optionally, petrarch2's Phoenix.Countries.actors.txt (MIT licence, Open Event Data Alliance),
//      from which members of governments in office between 2000 and 2010 are derived, each with the
//      source line it came from.
//
// Usage (from the repository root):
//   node scripts/office-holders/build-office-holders.mjs [path/to/Phoenix.Countries.actors.txt [commit]]
// Without a petrarch file, the derived entries already in the JSON are kept as they are, so the
// curated half can be rebuilt on a machine that lacks the petrarch2 checkout.
// To get the file: git --git-dir=<petrarch2 clone>/.git show HEAD:petrarch2/data/dictionaries/Phoenix.Countries.actors.txt

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const OUT = join(root, 'src/extraction/parties/data/office-holders.json');
const CURATED = join(here, 'curated.txt');
const PETRARCH_PATH = 'petrarch2/data/dictionaries/Phoenix.Countries.actors.txt';

// Keep in step with OFFICE_HOLDERS_VERSION in src/extraction/parties/office-holders.ts.
const VERSION = '2026.1';
const CURRENT_AS_OF = '2025-12-01';

const OFFICE_SHORTHANDS = {
  hos: 'head-of-state', hog: 'head-of-government', fm: 'foreign-minister', dm: 'defence-minister',
  sp: 'spokesperson', vp: 'vice-president', sg: 'secretary-general', ldr: 'leader',
};

// Same rule as src/extraction/parties/slug.ts and countries.ts (kept in sync by the unit test,
// which checks every party id against the party index).
const slug = (name) => name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[’'`.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const COUNTRY_RENAMES = { Türkiye: 'Turkey' };
const STATES_WITHOUT_UN_SEAT = new Set(['Palestine', 'Taiwan', 'Kosovo', 'Vatican City', 'Western Sahara']);

/** Loose fold, only to tell whether a derived person is already curated. */
const fold = (s) => s.toLowerCase().replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/ı/g, 'i')
  .normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function parseCurated(text) {
  const out = [];
  let party = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('@')) { party = line.slice(1).trim(); return; }
    const [office, name, from, to, aliases = '', surname = ''] = line.split('|').map((s) => s.trim());
    const where = `curated.txt:${i + 1}`;
    if (!party || !office || !name || !from || !to) throw new Error(`${where}: needs @party and office|name|from|to`);
    if (!DATE.test(from) || (to !== '-' && !DATE.test(to))) throw new Error(`${where}: bad date`);
    const entry = { name, party, office: OFFICE_SHORTHANDS[office] ?? office, from, to: to === '-' ? null : to, source: 'curated' };
    const list = [...new Set(aliases.split(';').map((a) => a.trim()).filter((a) => a && a !== name))];
    if (list.length) entry.aliases = list;
    if (surname) entry.surname = surname;
    out.push(entry);
  });
  return out;
}

function countryIdsByCode() {
  const require = createRequire(import.meta.url);
  const countries = require(join(root, 'node_modules/world-countries/index.cjs'));
  const ids = new Map();
  for (const c of countries) {
    // The same states countries.ts gives party ids to; others ("Cook Islands") have none.
    if (!c.unMember && !c.independent && !STATES_WITHOUT_UN_SEAT.has(c.name.common)) continue;
    ids.set(c.cca3, slug(COUNTRY_RENAMES[c.name.common] ?? c.name.common));
  }
  return ids;
}

/** TABARI dates: YYMMDD (years below 30 are 20xx) or YYYYMMDD. */
function tabariDate(d) {
  const full = d.length === 8 ? d : `${Number(d.slice(0, 2)) < 30 ? '20' : '19'}${d}`;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

// Name lines that are titles or bodies, not people ("FOREIGN_MINISTER_ABDULLAH_").
const NOT_A_PERSON = /\b(MINISTER|PRESIDENT|PREMIER|GOVERNMENT|COUNCIL|MINISTRY|PARLIAMENT|ARMY|PARTY|OFFICE|ACTING|GENERAL|KING|PRINCE|SHEIKH|SECRETARY|CHANCELLOR|AMBASSADOR|COLONEL)\b/;

const titleCase = (raw) => raw.replace(/_+/g, ' ').trim().toLowerCase()
  .replace(/(^|[\s\-'.])(\p{L})/gu, (_, sep, ch) => sep + ch.toUpperCase());

/**
 * Members of governments whose (closed) term overlaps 2000–2010. The dictionary codes a person's
 * role as a CAMEO code (AFGGOV, AFGGOVMIL, ...), not an office, so these are entered as office
 * 'government' and are matched by full name only (see office-holders.ts). Open-ended terms
 * ("[AFGGOV >011222]") are skipped: the file does not say when they ended, and "to: null" would
 * claim the person still holds office.
 */
function derivePetrarch(text, commit, ids) {
  const out = [];
  let person = null;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#') || raw.startsWith('+')) return;
    const codes = [...raw.matchAll(/\[([A-Z]{3})(GOV[A-Z]*) (\d{6}|\d{8})-(\d{6}|\d{8})\]/g)];
    if (!/^\s/.test(raw)) {
      const name = raw.split(/[#[]/)[0].trim();
      // One-word names ("ABDULLAH_") would match too many other people.
      person = name && !NOT_A_PERSON.test(name) && /^[A-Z][A-Z._'-]+$/.test(name) && /[A-Z.]_+[A-Z]/.test(name) ? { name: titleCase(name), line: i + 1 } : null;
    }
    if (!person) return;
    for (const [code, country, role, a, b] of codes) {
      if (role === 'GOVLEG') continue; // legislators, not members of the government
      const party = ids.get(country);
      if (!party) continue;
      const from = tabariDate(a);
      const to = tabariDate(b);
      if (from > to || to < '2000-01-01' || from > '2010-12-31') continue;
      out.push({
        name: person.name, party, office: 'government', from, to,
        // Short, because there are thousands: about.sources.petrarch2 names the file and commit.
        source: `petrarch2:${person.line} ${code.slice(1, -1)}`,
      });
    }
  });
  return out;
}

function dropCuratedDuplicates(derived, curated) {
  const known = new Set();
  for (const e of curated) for (const n of [e.name, ...(e.aliases ?? [])]) known.add(`${e.party}|${fold(n)}`);
  const seen = new Set();
  return derived.filter((e) => {
    const k = `${e.party}|${fold(e.name)}|${e.from}`;
    if (known.has(`${e.party}|${fold(e.name)}`) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const ABOUT = (derivedFrom) => ({
  description: 'Office holders (heads of state and government, foreign and defence ministers, spokespeople, heads of international bodies and armed groups) with the party id each speaks for, and their terms. to: null means in office when the data was curated.',
  version: VERSION,
  currentAsOf: CURRENT_AS_OF,
  sources: {
    curated: 'Entries with source "curated" were compiled by hand from general knowledge of public office holders; reliable to about mid-2025 and patchy after it. Incumbents (to: null) should be re-checked against official government sites before relying on them past currentAsOf.',
    petrarch2: derivedFrom,
  },
  notes: [
    'Presidents of presidential systems appear once, as head-of-state.',
    'Afghanistan\'s offices since 2021-08-15 are held under the party id "taliban" (the de-facto government).',
    'Entries with office "government" come from petrarch2: the source codes membership of a government (CAMEO GOV*) but not the office; they are matched by full name only, and only when the article date falls within the term.',
    'surname is given where the family name is not the last word of the name (Chinese, Korean, some Cambodian and Thai names).',
  ],
});

const PETRARCH_ABOUT = (commit, count) => ({
  repository: 'https://github.com/openeventdata/petrarch2',
  commit,
  file: PETRARCH_PATH,
  licence: 'MIT (the repository LICENSE and the file header: "The MIT License (MIT) Copyright (c) 2014 Open Event Data Alliance"); the file was generated from CountryInfo.140130.txt of the Computational Event Data System project (eventdata.parusanalytics.com), funded by the US National Science Foundation. The MIT notice asks that the copyright and permission notice be kept with copies or substantial portions.',
  derived: `${count} entries: members of governments (CAMEO codes GOV*, except GOVLEG) whose recorded term is closed and overlaps 2000-01-01..2010-12-31; each entry's source is "petrarch2:<line> <code> <dates>", the line of the person's name in that file and the code line it was read from. They are matched only by full name and only for an article dated within the term.`,
});

function write(about, holders) {
  holders.sort((x, y) => x.party.localeCompare(y.party) || x.office.localeCompare(y.office) || x.from.localeCompare(y.from) || x.name.localeCompare(y.name));
  const body = holders.map((h) => `    ${JSON.stringify(h)}`).join(',\n');
  writeFileSync(OUT, `{\n  "about": ${JSON.stringify(about, null, 2).replace(/\n/g, '\n  ')},\n  "holders": [\n${body}\n  ]\n}\n`);
}

const curated = parseCurated(readFileSync(CURATED, 'utf8'));
const [petrarchFile, commit = 'unknown'] = process.argv.slice(2);
let derived;
let petrarchAbout;
if (petrarchFile) {
  derived = dropCuratedDuplicates(derivePetrarch(readFileSync(petrarchFile, 'utf8'), commit, countryIdsByCode()), curated);
  petrarchAbout = PETRARCH_ABOUT(commit, derived.length);
} else {
  const old = JSON.parse(readFileSync(OUT, 'utf8'));
  derived = dropCuratedDuplicates(old.holders.filter((h) => h.source !== 'curated'), curated);
  petrarchAbout = { ...old.about.sources.petrarch2, derived: old.about.sources.petrarch2.derived.replace(/^\d+/, String(derived.length)) };
}
write(ABOUT(petrarchAbout), [...curated, ...derived]);
console.log(`${curated.length} curated + ${derived.length} derived entries → ${OUT}`);
