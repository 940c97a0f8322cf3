// Extraction: words per second of the rule-based extractor on the corpus, against wink-nlp's own
// reading of the same text with the same model (readDoc with its default annotations: the floor the
// goal is set against). extract asks wink for sentences and parts of speech only, so that reading is
// timed too, and the ratio to it shows what the rules cost on top (no goal). Then linearity: time
// per KB on articles from 1 KB to 1 MB.
import { Bench } from 'tinybench';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { articleFromInput } from '../src/articles/ingesting-article/ingest-article.js';
import { createExtractor } from '../src/extraction/index.js';
import { generateArticleOfSize, generateCorpus, mulberry32 } from './corpus.js';
import type { BenchOptions } from './main.js';
import { meanMs, median, ratio, report } from './results.js';

/** Interleaved rounds of the words-per-second comparison. */
const ROUNDS = 7;

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
  // What extract itself asks of wink (sentences, parts of speech; no entities, negation or sentiment).
  const nlpTagsOnly = winkNLP(model, ['sbd', 'pos']);
  const articles = generateCorpus(count, seed).map((a) => articleFromInput({ text: a.text }));
  const words = articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0);
  let claims = 0;

  // Rounds of one pass each, readDoc then extract, rather than all passes of one then all of the
  // other: the machine is shared, and load that comes and goes then falls on both sides of a
  // round's ratio. The figures are the medians over the rounds; the ratio is the median round's.
  const bench = new Bench({ iterations: 1, time: 0, warmup: false });
  bench.add('wink-nlp readDoc (floor)', () => {
    for (const a of articles) nlp.readDoc(a.body);
  });
  bench.add('readDoc, sentences and tags only', () => {
    for (const a of articles) nlpTagsOnly.readDoc(a.body);
  });
  bench.add('claimtrail extract', () => {
    claims = 0;
    for (const a of articles) claims += extractor.extract({ body: a.body, title: a.title, dateline: a.dateline }).length;
  });
  await bench.run(); // warm-up round, not counted
  const rounds: { floor: number; tagsOnly: number; ours: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bench.reset(); // a finished task does not run again until reset
    await bench.run();
    rounds.push({
      floor: meanMs(bench, 'wink-nlp readDoc (floor)'),
      tagsOnly: meanMs(bench, 'readDoc, sentences and tags only'),
      ours: meanMs(bench, 'claimtrail extract'),
    });
  }
  const floor = (words * 1000) / median(rounds.map((r) => r.floor));
  const tagsOnly = (words * 1000) / median(rounds.map((r) => r.tagsOnly));
  const ours = (words * 1000) / median(rounds.map((r) => r.ours));
  const roundRatios = rounds.map((r) => r.floor / r.ours).sort((x, y) => x - y);

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
      { name: 'readDoc, sentences and tags only', value: tagsOnly, unit: 'words/s' },
      { name: 'claimtrail extract', value: ours, unit: 'words/s' },
      ...perKb.flatMap((p) => [
        { name: `extract at ${p.kb} KB`, value: p.extract, unit: 'ms/KB' },
        { name: `readDoc at ${p.kb} KB`, value: p.readDoc, unit: 'ms/KB' },
      ]),
    ],
    ratios: [
      ratio('extract / readDoc', median(roundRatios), 0.3),
      // Against the reading extract itself does: what the rules, mentions and claims cost on top of it.
      ratio('extract / readDoc sentences+tags', median(rounds.map((r) => r.tagsOnly / r.ours))),
      ratio(`extract per-KB time ${largest.kb} KB / ${base.kb} KB`, largest.extract / base.extract, 1.5, 'at most'),
      ratio(`readDoc per-KB time ${largest.kb} KB / ${base.kb} KB`, largest.readDoc / base.readDoc),
    ],
    notes: [
      `extract / readDoc over ${ROUNDS} interleaved rounds: median ${median(roundRatios).toFixed(3)}, lowest ${roundRatios[0].toFixed(3)}, highest ${roundRatios[roundRatios.length - 1].toFixed(3)}`,
      'linearity goal: per-KB time at the largest size within 1.5x of that at 10 KB (1 = exactly linear)',
    ],
  });
};
