// Substring search (`q=`) as index terms: a text holding q holds every trigram of q.

/** Every trigram of the texts (a key and a lower-case label), as `q:` terms. */
export const trigramTerms = (texts: readonly string[]): string[] => {
  const terms = new Set<string>();
  for (const text of texts) {
    const chars = Array.from(text);
    for (let i = 0; i + 3 <= chars.length; i++) terms.add(`q:${chars.slice(i, i + 3).join('')}`);
  }
  return [...terms];
};
