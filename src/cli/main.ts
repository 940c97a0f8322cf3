#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

const program = new Command('claimtrail').description('claimtrail command line').showHelpAfterError();
registerCommands(program);
await program.parseAsync(process.argv);
