import { describe, it, expect } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { parseArticleFile } from '../../src/domain/article-file.js';

describe('parseArticleFile', () => {
  it('reads section, headline, dateline and body', () => {
    const a = parseArticleFile(
      'World\n\nLeaders meet in Geneva\n\nGENEVA — The two sides met on Monday, officials said, and talked for hours about trade.\n\nMore text.',
    );
    expect(a).toMatchObject({ section: 'World', title: 'Leaders meet in Geneva', dateline: 'GENEVA', outlet: null });
    expect(a.body).toBe('The two sides met on Monday, officials said, and talked for hours about trade.\n\nMore text.');
  });

  it('takes the outlet from a wire dateline', () => {
    const a = parseArticleFile('KYIV, Nov 3 (Reuters) - Ukraine said on Monday that it had shot down dozens of drones overnight.');
    expect(a).toMatchObject({ dateline: 'KYIV', outlet: 'Reuters', title: null });
    expect(a.body.startsWith('Ukraine said')).toBe(true);
  });

  it('lets header lines override what is inferred', () => {
    const a = parseArticleFile(
      'title: Given title\noutlet: Example Times\nurl: https://example.org/a\npublished: 2025-05-21\n\nInferred headline\n' +
        'MANILA — The Philippines accused China of ramming a supply vessel near the shoal, the coast guard said.',
    );
    expect(a).toMatchObject({ title: 'Given title', outlet: 'Example Times', url: 'https://example.org/a', publishedAt: '2025-05-21', dateline: 'MANILA' });
  });

  it('keeps a body with no layout as it is', () => {
    const a = parseArticleFile('Officials said talks would resume. Both sides agreed.');
    expect(a.body).toBe('Officials said talks would resume. Both sides agreed.');
    expect(a.title).toBeNull();
  });

  it('does not take a key: value sentence without a closing blank line as a header', () => {
    const a = parseArticleFile('Note: the minister said the talks failed.');
    expect(a.body).toBe('Note: the minister said the talks failed.');
  });

  it('parses every seed article', () => {
    for (const file of readdirSync('seeds')) {
      const a = parseArticleFile(readFileSync(`seeds/${file}`, 'utf8'));
      expect(a.dateline).toMatch(/^[A-Z]+$/);
      expect(a.body.length).toBeGreaterThan(1000);
      expect(a.body).not.toMatch(/^[A-Z]+ —/);
    }
  });
});
