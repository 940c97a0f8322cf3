import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readHtmlArticle } from '../../src/inputs/html/read-html-article.js';

const page = readFileSync('test/inputs/pages/wire-story.html', 'utf8');

describe('reading an article out of a web page', () => {
  const article = readHtmlArticle(page, 'https://example.org/world/talks');

  it('keeps the story as paragraphs, without navigation, cookie banner, caption, byline or read-more lines', () => {
    expect(article.body).toBe(
      'Ruritania pledged to reopen the border crossing by June, officials said on Tuesday in the capital.\n\n' +
        'The foreign ministry accused its neighbour of smuggling arms across the frontier for months, a charge it denies.',
    );
  });

  it('reads title, byline, outlet, publication time, canonical URL and language from the page', () => {
    expect(article).toMatchObject({
      title: 'Talks resume',
      byline: 'Jane Doe',
      outlet: 'The Daily Wire',
      publishedAt: '2025-05-21T08:00:00.000Z',
      url: 'https://example.org/a/1',
      language: 'en-GB',
    });
  });

  it('takes JSON-LD datePublished when the page has no meta time, and a <time> element when it has neither', () => {
    const story = '<p>' + 'The envoy said the talks would resume next week in the capital, officials confirmed. '.repeat(4) + '</p>';
    const jsonLd = readHtmlArticle(
      '<html><head><script type="application/ld+json">' +
        '{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2025-03-02T10:00:00Z"}</script></head>' +
        `<body><article>${story}</article></body></html>`,
    );
    expect(jsonLd.publishedAt).toBe('2025-03-02T10:00:00.000Z');
    const time = readHtmlArticle(`<html><body><article><time>3 March 2025</time>${story}</article></body></html>`);
    expect(time.publishedAt).toMatch(/^2025-03-03T/);
  });

  it('an address that is not http(s) is no canonical URL', () => {
    const story = '<p>' + 'The envoy said the talks would resume next week in the capital. '.repeat(4) + '</p>';
    expect(readHtmlArticle(`<html><head><link rel="canonical" href="javascript:alert(1)"></head><body>${story}</body></html>`).url).toBeNull();
  });

  it('a page with no story has an empty body, scripts never become text', () => {
    expect(readHtmlArticle('<html><body><nav>Home</nav><script>var x = "Ruritania pledged";</script></body></html>').body).toBe('');
    expect(readHtmlArticle('').body).toBe('');
  });
});

describe('pages no news site makes', () => {
  it('a page nested deeper than any news page is refused at once, not read for minutes', () => {
    const started = performance.now();
    for (const depth of [300, 5_000, 40_000]) {
      expect(() => readHtmlArticle('<div>'.repeat(depth) + '<p>Ruritania pledged aid.</p>')).toThrow(/nests elements more than 128 deep/);
    }
    // Generous: the refusal takes about 0.1 s; reading such a page took 264 s before the limit.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(readHtmlArticle('<div>'.repeat(60) + '<p>' + 'Ruritania pledged aid to the region, officials said on Monday. '.repeat(5) + '</p>').body).toMatch(
      /^Ruritania pledged/,
    );
  });
});

describe('markup found by fast-check', () => {
  it('an <html> tag after a table (linkedom then builds no body) is read, not a crash', () => {
    const page = '<table><tr><td>! ! ! !' + '\u{10000}'.repeat(9) + '<html lang="x">';
    expect(() => readHtmlArticle(page)).not.toThrow(TypeError);
  });
});
