import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze } from '../../src/extraction/nlp.js';

// analyze asks wink for sentences and parts of speech only. That is safe while wink's other
// annotations (entities, negation, sentiment) write nothing the tagger or splitter reads: this
// compares its reading with wink's default one, so a wink or model upgrade that breaks it shows here.
const texts = ['seeds', 'test/extraction/fixtures'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8')),
);
texts.push('He didn’t say it wasn’t good. Not bad!\n\nOn 12/05/2024 at 10:30, @user wrote #tag: “terrible” :) 1999, 3.5 and U.S. Mr. Lee.');

describe('analyze', () => {
  it('reads the same tokens, lemmas, tags and sentences as wink with every annotation on', () => {
    const full = winkNLP(model);
    // wink's `its` selectors are plain functions handed to `out`: unbound by design.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { span, pos, lemma } = full.its;
    for (const text of texts) {
      const doc = full.readDoc(text);
      const expected = doc
        .sentences()
        .out(span)
        .map((span) => {
          const [first, last] = span as unknown as [number, number];
          const tokens = [];
          for (let k = first; k <= last; k++) {
            const t = doc.tokens().itemAt(k);
            const text = t.out();
            if (text.trim() !== '') tokens.push([text, t.out(pos), t.out(lemma as unknown as typeof full.its.value)]);
          }
          return tokens;
        })
        .filter((s) => s.length);
      const a = analyze(text);
      const got = a.sentences.map((s) => a.tokens.slice(s.from, s.to).map((t) => [t.text, t.pos, t.lemma]));
      const folded = expected.map((s) => s.map(([v, pos, lemma]) => [v, pos, lemma.toLowerCase().replace(/[‘’´`]/g, "'")]));
      expect(got).toEqual(folded);
      for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
