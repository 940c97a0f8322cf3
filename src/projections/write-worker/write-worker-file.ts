import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtWorkerFile } from '../../common/built-worker-file.js';

/** The compiled read-model write worker (see builtWorkerFile). */
export const writeWorkerFile = (): string => builtWorkerFile(dirname(fileURLToPath(import.meta.url)), 'projections/write-worker', 'write-worker.js');
