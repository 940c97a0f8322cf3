import type { Command } from 'commander';
import { registerIngest } from './ingest.js';
import { registerReextract } from './reextract.js';

/** Each sub-command lives in its own file and registers itself here. */
export const registerCommands = (program: Command): void => {
  registerIngest(program);
  registerReextract(program);
};
