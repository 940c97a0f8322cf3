// The first words of an article's body: what names an article that came without a headline (with
// its dateline), wherever it is listed. Pure, so read models and the desk compute the same words.

/** Enough words to tell two stories from one place apart, short enough for one line of a list. */
export const LEAD_WORDS = 10;
const LEAD_MAX_CHARS = 90;

/** The body's first words, whitespace folded, with an ellipsis when the body goes on; null for an empty body. */
export const articleLead = (body: string): string | null => {
  const words = body.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  let lead = words.slice(0, LEAD_WORDS).join(' ');
  if (lead.length > LEAD_MAX_CHARS) lead = lead.slice(0, LEAD_MAX_CHARS).replace(/\s+\S*$/, '') || lead.slice(0, LEAD_MAX_CHARS);
  return lead.length < words.join(' ').length ? `${lead}…` : lead;
};
