import { describe, expect, it } from '@jest/globals';
import { articleLead, LEAD_WORDS } from '../../src/domain/article-lead.js';
import { articleTitle } from '../../ui/src/format.js';

const BODY = 'Pakistan’s Foreign Ministry said it has formally invited Amir Khan Muttaqi, the Taliban’s acting foreign minister, to visit Islamabad.';

describe('an article’s lead and its name on the desk', () => {
  it('takes the body’s first words, whitespace folded, with an ellipsis when the body goes on', () => {
    expect(articleLead(BODY)).toBe('Pakistan’s Foreign Ministry said it has formally invited Amir Khan…');
    expect(articleLead(BODY)!.split(' ')).toHaveLength(LEAD_WORDS);
    expect(articleLead('  Short\n\nstory.  ')).toBe('Short story.');
    expect(articleLead(' \n ')).toBeNull();
  });

  it('cuts a lead of very long words at a word boundary within one line', () => {
    const lead = articleLead(`${'Internationalisation '.repeat(9)}end.`)!;
    expect(lead.length).toBeLessThanOrEqual(91);
    expect(lead).toMatch(/^(Internationalisation )+Internationalisation…$/);
  });

  it('names an article by its headline, else its dateline and first words, else its id', () => {
    const base = { articleId: '2c4c8800aa11', title: null, dateline: 'ISLAMABAD', lead: articleLead(BODY) };
    expect(articleTitle({ ...base, title: 'Pakistan invites Muttaqi' })).toBe('Pakistan invites Muttaqi');
    expect(articleTitle(base)).toBe('ISLAMABAD — Pakistan’s Foreign Ministry said it has formally invited Amir Khan…');
    expect(articleTitle({ ...base, dateline: null })).toBe('Pakistan’s Foreign Ministry said it has formally invited Amir Khan…');
    expect(articleTitle({ ...base, lead: undefined })).toBe('ISLAMABAD — article 2c4c8800');
    expect(articleTitle({ articleId: '2c4c8800aa11', title: null })).toBe('article 2c4c8800');
  });
});
