import type { Command } from 'commander';

/** Each sub-command lives in its own file and registers itself here. */
export const registerCommands = (program: Command): void => {
  void program;
};
