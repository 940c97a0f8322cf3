// Syndication: N articles of the bench corpus through the copy recognition of ingest (fingerprint,
// band look-ups in the SQLite index, compare, index), every COPY_EVERY-th one an edited copy of an
// earlier article (new boilerplate paragraph, a few words changed, a paragraph dropped). Reports,
// as the store grows, the pairs the index compares per article (goal: flat, nowhere near the
// articles already indexed), the time per article, copies found and distinct articles grouped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleIdFor } from '../src/domain/ids.js';
import { BANDS } from '../src/domain/syndication/lsh.js';
import { BUCKET_READ, StoryIndex } from '../src/syndication/story-index.js';
import { Syndication } from '../src/syndication/syndication.js';
import { generateArticle, mulberry32 } from './corpus.js';
import type { BenchOptions } from './main.js';
import { ratio, report, type Figure } from './results.js';

const COPY_EVERY = 10;
/** Sentences per article: about 370 words, a wire story's length (the corpus default of 10 is a brief). */
const SENTENCES = 20;
const BOILERPLATE = 'This story was produced from a wire agency feed. Subscribe to our newsletter for the day’s top stories.';

/** An outlet's edit of wire copy: a paragraph dropped (not the first), a few words changed, boilerplate added. */
const editedCopy = (body: string, random: () => number): string => {
  const paragraphs = body.split('\n\n');
  if (paragraphs.length > 2) paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 1)), 1);
  const edited = paragraphs.map((p) => p.replace(' said ', ' told reporters ').replace(' the ', ' a '));
  return [...edited, BOILERPLATE].join('\n\n');
};

/** Where the figures are taken: 10k, 50k and 100k articles, or the tenths of a smaller run. */
const checkpointsFor = (count: number): number[] =>
  count >= 100_000 ? [10_000, 50_000, 100_000, count].filter((n, i, xs) => xs.indexOf(n) === i) : [1, 2, 5, 10].map((k) => Math.round((count * k) / 10));

export const syndicationBench = async ({ articles: count, seed }: Pick<BenchOptions, 'articles' | 'seed'>) => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-syndication-bench-'));
  const syndication = new Syndication(new StoryIndex(join(dir, 'syndication.sqlite')));
  const random = mulberry32(seed);
  const edits = mulberry32(seed + 1);
  const bodies: string[] = [];
  const figures: Figure[] = [];
  const checkpoints = checkpointsFor(count);
  let copies = 0;
  let found = 0;
  let grouped = 0;
  let window = { at: 0, compared: 0, ms: 0 };
  let worst = 0;
  try {
    for (let i = 0; i < count; i++) {
      const isCopy = i > 0 && i % COPY_EVERY === 0;
      const body = isCopy ? editedCopy(bodies[Math.floor(edits() * bodies.length)], edits) : generateArticle(random, i, SENTENCES).body;
      if (!isCopy) bodies.push(body);
      const articleId = articleIdFor(body);
      const compared = syndication.index.counts.compared;
      const started = performance.now();
      const { copy, claimed } = syndication.recognise(articleId, body);
      if (claimed) syndication.settle(articleId, true);
      window.ms += performance.now() - started;
      window.compared += syndication.index.counts.compared - compared;
      copies += isCopy ? 1 : 0;
      found += isCopy && copy ? 1 : 0;
      grouped += !isCopy && copy ? 1 : 0;
      if (checkpoints.includes(i + 1)) {
        const n = i + 1 - window.at;
        const perArticle = window.compared / n;
        worst = Math.max(worst, perArticle);
        figures.push(
          { name: `pairs compared per article, articles ${window.at + 1}-${i + 1}`, value: perArticle, unit: 'pairs' },
          { name: `time per article, articles ${window.at + 1}-${i + 1}`, value: window.ms / n, unit: 'ms' },
        );
        window = { at: i + 1, compared: 0, ms: 0 };
      }
    }
    const { lookups, compared } = syndication.index.counts;
    figures.push(
      { name: 'articles', value: count, unit: 'articles' },
      { name: 'pairs compared, all', value: compared, unit: 'pairs' },
      { name: 'pairs a full scan would compare', value: (count * (count - 1)) / 2, unit: 'pairs' },
      { name: 'edited copies ingested', value: copies, unit: 'articles' },
      { name: 'edited copies recognised', value: found, unit: 'articles' },
      { name: 'distinct articles grouped as copies', value: grouped, unit: 'articles' },
    );
    report({
      bench: 'syndication',
      params: { articles: count, seed, copyEvery: COPY_EVERY, sentences: SENTENCES, lookups },
      figures,
      ratios: [
        // Bounded, whatever the store's size: at most BUCKET_READ per band.
        ratio('pairs compared per article, worst window', worst, BANDS * BUCKET_READ, 'at most'),
        ratio('copies recognised / copies ingested', copies ? found / copies : 1, 0.95),
      ],
      notes: ['recognition only (fingerprint, band look-ups, compare, index), as ingest runs it; extraction and the event append are the ingest bench’s'],
    });
  } finally {
    syndication.index.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
