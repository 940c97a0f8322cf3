// Sentence splitting, tokens and parts of speech come from wink-nlp with its English lite model.
// Measured on the two seed articles against compromise 14: both split all 26 sentences correctly,
// wink parsed them 5-10x faster (20 ms vs 112 ms; 144 ms vs 1500 ms on a 40x repeated body),
// and its tokens reconstruct the text exactly from precedingSpaces, which gives exact offsets.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** Index in the article's token list. */
  i: number;
  text: string;
  /** Lower case, typographic apostrophes folded, for lexicon look-ups. */
  norm: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Inclusive-exclusive token range in the article's token list. */
  from: number;
  to: number;
  /** Paragraph number: a line break between two sentences starts a new one. */
  paragraph: number;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | null = null;
/**
 * The model takes ~150 ms to load, so it is loaded once, on first use. Only the annotations the
 * extractor reads: sentence boundaries and parts of speech (lemmas come with them). wink runs
 * named entities, negation and sentiment after sentence splitting and before tagging, writing
 * only their own results (entities, flags, scores), so leaving them out changes no token, tag,
 * lemma or sentence (checked on 8,000 texts, hostile ones included); they took ~40% of readDoc.
 */
const nlp = (): Wink => (instance ??= winkNLP(model, ['sbd', 'pos']));

const APOSTROPHES = /[‘’´`]/g;
/** Few words have a typographic apostrophe: a scan of the characters spares the rest the regex. */
const hasApostrophe = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0xb4 || c === 0x60) return true;
  }
  return false;
};

export const fold = (s: string): string => {
  const lower = s.toLowerCase();
  return hasApostrophe(lower) ? lower.replace(APOSTROPHES, "'") : lower;
};

/**
 * Tokens and sentences of `text`. wink's arrays are read once per property for the whole document:
 * walking its item API instead builds an object of closures per token and per call, which cost
 * more than reading the document itself.
 */
export const analyze = (text: string): AnalyzedText => {
  const w = nlp();
  // wink's `its` selectors are plain functions handed to `out`, which calls them itself: unbound by design.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { precedingSpaces, lemma, pos, span } = w.its;
  const doc = w.readDoc(text);
  const all = doc.tokens();
  const values = all.out();
  const spacesOf = all.out<string>(precedingSpaces);
  // wink's types give `lemma` no selector type of its own; it selects strings like `value`.
  const lemmas = all.out<string>(lemma as unknown as typeof w.its.value);
  const tags = all.out<string>(pos);
  // Inclusive [first, last] token index of each sentence.
  const spans = doc.sentences().out(span) as unknown as [number, number][];
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  let paragraph = 0;
  let newParagraph = false;
  for (const [first, last] of spans) {
    const from = tokens.length;
    for (let k = first; k <= last; k++) {
      const value = values[k];
      const spaces = spacesOf[k];
      offset += spaces.length;
      // wink emits line breaks as tokens; they only mark paragraphs.
      if (value.trim() === '') {
        offset += value.length;
        if (value.includes('\n')) newParagraph = true;
        continue;
      }
      if (spaces.includes('\n')) newParagraph = true;
      if (newParagraph && tokens.length > 0) paragraph++;
      newParagraph = false;
      const start = offset;
      offset += value.length;
      tokens.push({
        i: tokens.length,
        text: value,
        norm: fold(value),
        lemma: fold(lemmas[k]),
        pos: tags[k],
        start,
        end: offset,
        sentence: sentences.length,
      });
    }
    if (tokens.length === from) continue;
    let opening = from;
    for (const cut of missedBoundaries(tokens, from, tokens.length)) {
      pushSentence(text, tokens, sentences, opening, cut, paragraph);
      opening = cut;
    }
    pushSentence(text, tokens, sentences, opening, tokens.length, paragraph);
  }
  return { text, tokens, sentences };
};

const pushSentence = (text: string, tokens: Token[], sentences: Sentence[], from: number, to: number, paragraph: number): void => {
  const index = sentences.length;
  for (let k = from; k < to; k++) tokens[k].sentence = index;
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  sentences.push({ index, start, end, text: text.slice(start, end), from, to, paragraph });
};

/** Prepositions before a platform's one-letter name: "in a post on X.", "said via X.". */
const BEFORE_PLATFORM = new Set(['on', 'via', 'to', 'at', 'from']);

/**
 * Sentence ends wink reads as initials: "... in a post on X. Germany pledged ..." is two sentences,
 * since an initial follows a name, never a preposition. Token indexes where a new sentence starts.
 */
const missedBoundaries = (tokens: Token[], from: number, to: number): number[] => {
  const cuts: number[] = [];
  for (let k = from + 1; k + 1 < to; k++) {
    if (/^\p{Lu}\.$/u.test(tokens[k].text) && BEFORE_PLATFORM.has(tokens[k - 1].norm) && /^\p{Lu}/u.test(tokens[k + 1].text)) cuts.push(k + 1);
  }
  return cuts;
};
