// The pool's worker thread: the rules extractor, loaded once per thread, over a batch of articles
// per task. Plain domain code only (no Nest): a worker loads what it imports, and this keeps it small.
import type { MessagePort } from 'node:worker_threads';
import type { ArticleText } from '../domain/claim-extractor.js';
import { keepFirstClaims, type KeptClaims } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';

export interface ExtractionTask {
  articles: ArticleText[];
  maxClaims: number;
  /** Told `{ started: i }` as this worker takes up article i: its time limit starts then. */
  progress: MessagePort;
}

const extractor = defaultExtractor();
// The model and the rules warm up while the thread starts (piscina hands it no task before), not
// during its first article's time limit.
extractor.extract({ body: 'Ruritania pledged to reopen the border, its foreign minister said.' });

/** The limit is applied here, so only the claims kept are copied back to the main thread's event loop. */
export default ({ articles, maxClaims, progress }: ExtractionTask): KeptClaims[] => {
  const kept = articles.map((article, started) => {
    progress.postMessage({ started });
    return keepFirstClaims(extractor.extract(article), maxClaims);
  });
  progress.close();
  return kept;
};
