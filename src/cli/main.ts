#!/usr/bin/env node
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

// package.json sits two folders up from dist/cli/main.js (and from src/cli/main.ts).
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const program = new Command('claimtrail').description('claimtrail command line').version(version).showHelpAfterError();
registerCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A person reads this: the message, not a stack trace.
  const { code, path, message } = error as NodeJS.ErrnoException;
  console.error(`claimtrail: ${code === 'ENOENT' ? `no such file or folder: ${path}` : message}`);
  process.exitCode = 2;
}
