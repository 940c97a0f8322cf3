import { describe, expect, it } from '@jest/globals';
import { exportRecords } from '../../src/articles/ingesting-article/export-records.js';

describe('news-API export records', () => {
  it('JSON Lines: one record per line, blank lines skipped, a bad line named by its number with the reason', () => {
    const content = [
      JSON.stringify({
        text: 'Ruritania pledged aid.',
        title: 'Aid',
        outlet: 'Wire',
        url: 'https://example.org/1',
        publishedAt: '2025-05-21T10:00:00Z',
        author: 'kept out',
      }),
      '',
      '{"text": "unterminated',
      JSON.stringify({ html: '<p>Genovia pledged talks.</p>' }),
      JSON.stringify({ title: 'no body' }),
      JSON.stringify({ text: 'x', publishedAt: 'last Tuesday' }),
      '[1, 2]',
    ].join('\n');
    const records = exportRecords('export.jsonl', content);
    expect(records.map((r) => r.where)).toEqual(['line 1', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7']);
    expect(records[0].input).toEqual({
      text: 'Ruritania pledged aid.',
      title: 'Aid',
      outlet: 'Wire',
      url: 'https://example.org/1',
      publishedAt: '2025-05-21T10:00:00Z',
    });
    expect(records[1].problem).toMatch(/^not JSON/);
    expect(records[2].input).toEqual({ html: '<p>Genovia pledged talks.</p>' });
    expect(records[3].problem).toMatch(/text: .*text .* or .*html/);
    expect(records[4].problem).toMatch(/publishedAt/);
    expect(records[5].problem).toBe('not a JSON object');
  });

  it('a JSON array, or a news API answer with an `articles` array; anything else is one problem for the file', () => {
    expect(exportRecords('a.json', JSON.stringify([{ text: 'A pledged.' }, { url: 42 }])).map((r) => [r.where, !!r.input])).toEqual([
      ['item 1', true],
      ['item 2', false],
    ]);
    expect(exportRecords('b.json', JSON.stringify({ status: 'ok', articles: [{ text: 'B pledged.' }] }))[0].input).toEqual({ text: 'B pledged.' });
    expect(exportRecords('c.json', '{"status": "ok"}')).toEqual([{ where: 'file', problem: expect.stringMatching(/JSON array/) }]);
    expect(exportRecords('d.json', 'nope')).toEqual([{ where: 'file', problem: expect.stringMatching(/^not JSON/) }]);
  });
});
