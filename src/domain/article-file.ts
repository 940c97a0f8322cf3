// Parses a plain-text news article laid out the way wire copy usually is:
//   [key: value header lines, then a blank line]
//   [section line]
//   [headline]
//   DATELINE — body ...
// Everything after the dateline marker is the body; header lines override what is inferred.

export interface ParsedArticle {
  title: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
  dateline: string | null;
  section: string | null;
  body: string;
}

// `outlet:` names the publication; `source:` is an older spelling still read (a claim's source is
// the party cited, a different thing).
const HEADER_KEYS: Record<string, keyof ParsedArticle> = {
  title: 'title',
  headline: 'title',
  outlet: 'outlet',
  source: 'outlet',
  url: 'url',
  link: 'url',
  published: 'publishedAt',
  publishedat: 'publishedAt',
  date: 'publishedAt',
  section: 'section',
  dateline: 'dateline',
};

// "ISLAMABAD —", "KYIV, Nov 3 (Reuters) -", "WASHINGTON (AP) —". Bounded quantifiers keep it linear.
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATELINE = new RegExp(
  // the place, and an optional region ("KYIV", "GAZA CITY, Gaza Strip"); then a date, an agency, the dash
  "^([A-Z][A-Z'’.\\- ]{1,40}?(?:, [A-Z][A-Za-z.\\- ]{1,30}?)?)" + `(?:,? (${MONTH} \\d{1,2}))?` + '(?: \\(([^)]{1,40})\\))? ?[—–-]{1,2} ?',
);
const HEADER_LINE = /^([A-Za-z]{2,12}):[ \t]*(.*)$/;

const clean = (s: string | undefined | null): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** A short line without closing punctuation: a section label such as "Politics" or "World News". */
const looksLikeSection = (line: string): boolean => line.split(/\s+/).length <= 3 && !/[.!?:"”]$/.test(line);

const parseHeader = (lines: string[]): { fields: Partial<ParsedArticle>; rest: string[] } => {
  const fields: Partial<ParsedArticle> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i]);
    const key = m ? HEADER_KEYS[m[1].toLowerCase()] : undefined;
    if (!m || !key) break;
    (fields as Record<string, string | null>)[key] = clean(m[2]);
  }
  // A header block counts only when a blank line closes it.
  if (i > 0 && i < lines.length && lines[i].trim() === '') return { fields, rest: lines.slice(i + 1) };
  return { fields: {}, rest: lines };
};

export const parseArticleFile = (text: string): ParsedArticle => {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const { fields, rest } = parseHeader(lines);

  const datelineAt = rest.findIndex((line) => DATELINE.test(line.trim()) && line.trim().length > 60);
  let before: string[];
  let bodyLines: string[];
  let dateline: string | null = null;
  let outlet: string | null = null;
  if (datelineAt >= 0) {
    before = rest
      .slice(0, datelineAt)
      .map((l) => l.trim())
      .filter(Boolean);
    const first = rest[datelineAt].trim();
    const m = DATELINE.exec(first)!;
    dateline = clean(m[1]);
    outlet = clean(m[3]);
    bodyLines = [first.slice(m[0].length), ...rest.slice(datelineAt + 1)];
  } else {
    // No dateline: leading short lines without a full stop are section and headline.
    const nonEmpty = rest.findIndex((l) => l.trim() !== '');
    const candidates: string[] = [];
    let i = nonEmpty < 0 ? rest.length : nonEmpty;
    while (i < rest.length && candidates.length < 2) {
      const line = rest[i].trim();
      if (line === '') {
        i++;
        continue;
      }
      if (line.length > 200 || /[.!?]["”’]?$/.test(line)) break;
      candidates.push(line);
      i++;
    }
    const restHasBody = rest.slice(i).some((l) => l.trim() !== '');
    before = restHasBody ? candidates : [];
    bodyLines = restHasBody ? rest.slice(i) : rest;
  }

  let section: string | null = null;
  let title: string | null = null;
  if (before.length >= 2) {
    section = looksLikeSection(before[0]) ? before[0] : null;
    title = before.slice(section ? 1 : 0).join(' ');
  } else if (before.length === 1) {
    title = before[0];
  }

  return {
    title: fields.title ?? title,
    outlet: fields.outlet ?? outlet,
    url: fields.url ?? null,
    publishedAt: fields.publishedAt ?? null,
    dateline: fields.dateline ?? dateline,
    section: fields.section ?? section,
    body: bodyLines.join('\n').trim(),
  };
};
