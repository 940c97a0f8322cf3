// The pool's worker thread: the rules extractor, loaded once per thread, over one article per task.
// Plain domain code only (no Nest): a worker loads what it imports, and this keeps it small.
import type { MessagePort } from 'node:worker_threads';
import type { ArticleText } from '../domain/claim-extractor.js';
import { keepFirstClaims, type KeptClaims } from '../domain/extraction-port.js';
import { defaultExtractor } from '../extraction/default-extractor.js';

export interface ExtractionTask {
  article: ArticleText;
  maxClaims: number;
  /** Told when this worker takes the article up: the time limit starts then. */
  started: MessagePort;
}

const extractor = defaultExtractor();
// The model and the rules warm up while the thread starts (piscina hands it no task before), not
// during its first article's time limit.
extractor.extract({ body: 'Ruritania pledged to reopen the border, its foreign minister said.' });

/** The limit is applied here, so only the claims kept are copied back to the main thread's event loop. */
export default ({ article, maxClaims, started }: ExtractionTask): KeptClaims => {
  started.postMessage('started');
  started.close();
  return keepFirstClaims(extractor.extract(article), maxClaims);
};
