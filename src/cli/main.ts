#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('claimtrail').description('claimtrail command line').showHelpAfterError();
registerCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A person reads this: the message, not a stack trace.
  const { code, path, message } = error as NodeJS.ErrnoException;
  console.error(`claimtrail: ${code === 'ENOENT' ? `no such file or folder: ${path}` : message}`);
  process.exitCode = 2;
}
