import type { Command } from 'commander';
import { registerIngest } from './ingest.js';
import { registerExtractCommand } from './extract.js';
import { registerEvalCommand } from './eval.js';
import { registerReextract } from './reextract.js';
import { registerReplay } from './replay.js';
import { registerKeys } from './keys.js';
import { registerFeeds } from './feeds.js';
import { registerWithdraw } from './withdraw.js';

/** Each sub-command lives in its own file and registers itself here. */
export const registerCommands = (program: Command): void => {
  registerIngest(program);
  registerExtractCommand(program);
  registerEvalCommand(program);
  registerReextract(program);
  registerReplay(program);
  registerKeys(program);
  registerFeeds(program);
  registerWithdraw(program);
};
