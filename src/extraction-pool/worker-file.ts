import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtWorkerFile } from '../common/built-worker-file.js';

/** The compiled extraction worker (see builtWorkerFile). */
export const extractionWorkerFile = (): string => builtWorkerFile(dirname(fileURLToPath(import.meta.url)), 'extraction-pool', 'worker.js');
