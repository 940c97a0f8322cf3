import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A worker thread's compiled entry file. Once built (dist/, or dist-bench/ for the benchmarks) it
 * sits beside the module that starts it (`besideDir`); under jest that module is its TypeScript
 * source in src/, so the worker is the one in dist/ (`npm test` builds first). A worker thread
 * cannot load TypeScript, so it is never src/. `fromSrc`: the module's folder under src/.
 */
export const builtWorkerFile = (besideDir: string, fromSrc: string, file: string): string => {
  const candidates = [join(besideDir, file), resolve(besideDir, '../'.repeat(fromSrc.split('/').length + 1), 'dist', fromSrc, file)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`the worker ${file} is not built (looked for ${candidates.join(' and ')}): run npm run build`);
  return found;
};
