// A claim's content reduced to its significant words, to tell "the same act" from a different
// one when two sources credit it to different actors.
const STOP = new Set(
  ('the and for with that this from into onto their there they them its his her our your about against over under between among ' +
   'would could should will shall must may might also been being have has had was were are not but any all some such than then ' +
   'each other both more most very own same said says say according which who whom whose what when where while upon per via ' +
   'including including to of in on at by as an a is it be or if so no do did does done').split(' '),
);

// Plain ASCII (nearly all content) is its own NFKD form with no combining marks: skip both passes.
const NOT_ASCII = /[^\x00-\x7f]/;

/** Up to 16 distinct significant words, crudely singularised, in order of appearance. */
export const contentWords = (content: string): string[] => {
  const out: string[] = [];
  const lower = content.toLowerCase();
  const folded = NOT_ASCII.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
  for (const raw of folded.split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOP.has(raw)) continue;
    const word = raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
    if (!out.includes(word)) out.push(word);
    if (out.length === 16) break;
  }
  return out;
};

/** Jaccard similarity of two word lists; 0 when either is empty. */
export const similarity = (a: readonly string[], b: readonly string[]): number => {
  if (!a.length || !b.length) return 0;
  const shared = a.filter((w) => b.includes(w)).length;
  return shared / (a.length + b.length - shared);
};
