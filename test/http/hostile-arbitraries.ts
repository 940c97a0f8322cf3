// Hostile values for the property tests: what a careless client, a fuzzer or an attacker sends.
import fc from 'fast-check';

/** Strings that have broken parsers, validators, SQL and path handling elsewhere. */
export const NASTY = [
  '', ' ', '\u0000', '%00', 'a%00b', '\u0000\u0001\u0002', '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '/', '\\', '.', '..',
  "' OR 1=1 --", '" OR ""="', "'; DROP TABLE events; --", 'article-x UNION SELECT * FROM events', '%', '_', '*', '?', '#',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  'NaN', 'Infinity', '-Infinity', '-1', '-0', '0', '1e308', '1e400', '9'.repeat(40), '0x1f', '1.5', ' 7 ', 'true', 'null', 'undefined',
  '"unbalanced', "it's", '“smart', '«guillemets', '„low', '"', "'", '`', '${x}', '{{x}}', '<script>alert(1)</script>', '&amp;', '\r\n', '\t',
  'مرحبا بالعالم', 'שלום עולם', '\u202Etxt.exe', '\u200F\u200E', '中文字符', 'Ελληνικά', 'кириллица', '🙂🇺🇦👩‍👩‍👧', '\uD800', '\uDFFF\uD800',
  'A\u0301\u0301\u0301', 'ﬁ', 'Ⅻ', '\uFEFFbom', 'x'.repeat(5000),
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 300, maxLength: 3000 }) },
);

/** Any JSON-able value, nasty at the leaves; arrays and objects where scalars are expected and vice versa. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2_000_001),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Raw request bodies that are not JSON, or JSON that JSON.stringify never produces. */
export const rawBody = fc.oneof(
  fc.constantFrom(
    '', '{', '}', '[', '{"text":', '{"text": NaN}', '{"text": Infinity}', '{"evidence":{"start":1e400}}', '{"text":"a"}{"text":"b"}',
    '{"__proto__":{"polluted":true},"text":"Ruritania pledged calm."}', '{"constructor":{"prototype":{"polluted":true}}}',
    '{"text":"\\ud800"}', 'null', 'true', '0', '"just a string"', '[]', '[{"text":"x"}]', '\u0000', '\uFEFF{"text":"x"}',
    `{"text":"${'a'.repeat(10)}", "text":"duplicate key"}`, '{"a":'.repeat(2000), '['.repeat(5000),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);

const WORDS = [
  'Ruritania', 'Freedonia', 'Pakistan', 'the Taliban', 'Kyiv', 'officials', 'said', 'pledged', 'accused', 'invited', 'denied', 'warned',
  'reportedly', 'according to', 'a senior official', 'told Reuters', 'on Monday', 'of', 'the', 'to', 'visit', 'talks', 'not', 'never',
  '"', '“', '”', "'", '(', ')', '—', '-', ',', '.', '?', '!', ';', ':', '\n', '\n\n', 'ISLAMABAD —', 'KYIV, Nov 3 (Reuters) -',
  'title: x', 'published: 2025-13-45', 'مرحبا', 'قال', 'שלום', 'אמר', '中国', '外交部', 'Ελλάδα', 'Россия', '🙂', '\u202E', '\u200F',
  '\u0000', '\uFFFD', 'ﬁ', 'A\u0301', 'e.g.', 'U.S.', 'Mr.', '1,000', '12.5%', 'Jan. 3', '...',
];

/** Article-like texts: real wire vocabulary shuffled with other scripts, control characters and stray quotes. */
export const articleText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 500 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\n\n', '\uFEFF', 'title: only a header\n\n', '"'.repeat(3000), '—'.repeat(3000), 'A — '.repeat(2000)) },
);

const PAGE_FRAGMENT = fc.oneof(
  fc.constantFrom('<p>', '</p>', '<div class="cookie">', '</div>', '<script>', '</script>', '<!--', '-->', '<article>', '<nav>', '<![CDATA[',
    '<p>Ruritania pledged to reopen the border crossing by June, officials said on Tuesday.</p>', '<table><tr><td>', '&amp;', '&#0;', '\u0000', '<svg onload=x>', '<html lang="x">'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Web pages: malformed markup, scripts, deep nesting and pages of a megabyte or more. */
export const hostilePage = fc.oneof(
  fc.array(PAGE_FRAGMENT, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.constantFrom(60, 300, 5_000, 40_000).map((n) => '<div>'.repeat(n) + '<p>Ruritania pledged aid to the region, officials said.</p>'),
  fc.integer({ min: 1, max: 3 }).map((n) => `<html><body><article>${'<p>Genovia pledged to reopen talks with its neighbours, the ministry said.</p>'.repeat(5000 * n)}</article></body></html>`),
);
