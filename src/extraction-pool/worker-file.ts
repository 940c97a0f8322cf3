import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The compiled worker. Once built (dist/, or dist-bench/ for the benchmarks) it sits beside this
 * module; under jest this module is its TypeScript source, so the worker is the one in dist/
 * (`npm test` builds first). A worker thread cannot load TypeScript, so it is never src/.
 */
export const extractionWorkerFile = (): string => {
  const candidates = [join(here, 'worker.js'), resolve(here, '../../dist/extraction-pool/worker.js')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`the extraction worker is not built (looked for ${candidates.join(' and ')}): run npm run build`);
  return found;
};
