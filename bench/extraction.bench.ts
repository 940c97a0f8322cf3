// Extraction: words per second of the rule-based extractor on the corpus, against wink-nlp's own
// reading of the same text with the same model (tokens, sentences, parts of speech: the floor of
// any extractor built on it). Then linearity: time per KB on articles from 1 KB to 1 MB.
import { Bench } from 'tinybench';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { articleFromInput } from '../src/articles/ingesting-article/ingest-article.js';
import { createExtractor } from '../src/extraction/index.js';
import { generateArticleOfSize, generateCorpus, mulberry32 } from './corpus.js';
import type { BenchOptions } from './main.js';
import { meanMs, ratio, report } from './results.js';

/** Runs `fn` until at least `minMs` have passed (and at least twice); the mean ms per run. */
const timePerRun = (fn: () => void, minMs: number): number => {
  fn(); // warm
  let runs = 0;
  const started = performance.now();
  while (runs < 2 || performance.now() - started < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - started) / runs;
};

export const extractionBench = async ({ articles: count, maxKb, seed }: Pick<BenchOptions, 'articles' | 'maxKb' | 'seed'>) => {
  const extractor = createExtractor();
  const nlp = winkNLP(model);
  const articles = generateCorpus(count, seed).map((a) => articleFromInput({ text: a.text }));
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0);
  let claims = 0;

  const bench = new Bench({ iterations: 3, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0 });
  bench.add('wink-nlp readDoc (floor)', () => {
    for (const a of articles) nlp.readDoc(a.body);
  });
  bench.add('claimtrail extract', () => {
    claims = 0;
    for (const a of articles) claims += extractor.extract({ body: a.body, title: a.title, dateline: a.dateline }).length;
  });
  await bench.run();
  const floor = (words * 1000) / meanMs(bench, 'wink-nlp readDoc (floor)');
  const ours = (words * 1000) / meanMs(bench, 'claimtrail extract');

  // Linearity: ms per KB of body at each size; per-KB time at the largest size over that at 10 KB.
  const random = mulberry32(seed);
  const sizes = [1, 10, 100, 1024].filter((kb) => kb <= maxKb);
  if (!sizes.includes(maxKb)) sizes.push(maxKb);
  const perKb = sizes.map((kb) => {
    const body = articleFromInput({ text: generateArticleOfSize(random, kb, kb * 1024).text }).body;
    const actualKb = Buffer.byteLength(body) / 1024;
    const minMs = kb >= 1024 ? 0 : 2000;
    return {
      kb,
      extract: timePerRun(() => extractor.extract({ body }), minMs) / actualKb,
      readDoc: timePerRun(() => nlp.readDoc(body), minMs) / actualKb,
    };
  });
  const at = (kb: number) => perKb.find((p) => p.kb === kb)!;
  const largest = perKb[perKb.length - 1];
  const base = at(10) ?? perKb[0];

  report({
    bench: 'extraction',
    params: { articles: count, words, claims, seed, sizesKb: sizes },
    figures: [
      { name: 'wink-nlp readDoc (floor)', value: floor, unit: 'words/s' },
      { name: 'claimtrail extract', value: ours, unit: 'words/s' },
      ...perKb.flatMap((p) => [
        { name: `extract at ${p.kb} KB`, value: p.extract, unit: 'ms/KB' },
        { name: `readDoc at ${p.kb} KB`, value: p.readDoc, unit: 'ms/KB' },
      ]),
    ],
    ratios: [
      ratio('extract / readDoc', ours / floor, 0.3),
      ratio(`extract per-KB time ${largest.kb} KB / ${base.kb} KB`, largest.extract / base.extract, 1.5, 'at most'),
      ratio(`readDoc per-KB time ${largest.kb} KB / ${base.kb} KB`, largest.readDoc / base.readDoc),
    ],
    notes: ['linearity goal: per-KB time at the largest size within 1.5x of that at 10 KB (1 = exactly linear)'],
  });
};
