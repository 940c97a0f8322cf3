// A store of N events for the rebuild and queries benchmarks, written through the SQLite adapter's
// own append (one transaction per article, as ingestion writes) but inside big outer transactions
// with synchronous = OFF: loading is set-up, not what is measured.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromInput, ingestEvents } from '../src/articles/ingesting-article/ingest-article.js';
import type { ClaimExtractor, ExtractedClaim } from '../src/domain/claim-extractor.js';
import { newCommandContext, toAppend } from '../src/domain/events/index.js';
import { articleStream } from '../src/domain/ids.js';
import { NO_STREAM } from '../src/event-store/event-store.js';
import { appendToStream } from '../src/event-store/sqlite/append-to-stream.js';
import { configure } from '../src/event-store/sqlite/schema.js';
import { createExtractor } from '../src/extraction/index.js';
import { generateCorpus, publishedOn } from './corpus.js';

/** Distinct articles run through the real extractor; the rest reuse their claims (extraction would take minutes). */
const POOL = 2000;
const BATCH = 2000;

export interface LoadedStore {
  dir: string;
  file: string;
  events: number;
  articles: number;
  claims: number;
}

export const loadStore = async (events: number, seed = 42): Promise<LoadedStore> => {
  const started = Date.now();
  const extractor = createExtractor();
  const pool = generateCorpus(POOL, seed).map((a, i) => {
    const article = articleFromInput({ text: a.text });
    return { text: a.text, index: i, claims: extractor.extract({ body: article.body, title: article.title, dateline: article.dateline }) };
  });
  const dir = mkdtempSync(join(tmpdir(), 'claimtrail-bench-store-'));
  const file = join(dir, 'claimtrail.sqlite');
  const db = new Database(file);
  configure(db);
  db.pragma('synchronous = OFF');
  const append = appendToStream(db);
  let written = 0;
  let articles = 0;
  let claims = 0;
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + BATCH && written < events; i++) {
      const source = pool[i % POOL];
      // Article i is pool article i % POOL with its own date and closing line (so its own id);
      // the claims found in the shared sentences before that line keep their offsets.
      const text = source.text
        .replace(`published: ${publishedOn(source.index)}`, `published: ${publishedOn(i)}`)
        .replace(`report number ${source.index} in`, `report number ${i} in`);
      const article = articleFromInput({ text });
      const found = source.claims.filter((c) => article.body.slice(c.evidence.start, c.evidence.end) === c.evidence.text);
      const replay: ClaimExtractor = { ...extractor, extract: (): ExtractedClaim[] => found };
      const domain = ingestEvents(article, replay).slice(0, events - written);
      append(articleStream(article.articleId), toAppend(domain, newCommandContext(), 0n), NO_STREAM);
      written += domain.length;
      claims += domain.length - 1;
      articles++;
    }
  });
  for (let from = 0; written < events; from += BATCH) batch(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(`loaded ${written} events (${articles} articles, ${claims} claims) into ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, file, events: written, articles, claims };
};
