// `extract --json` is piped into other tools: its standard output must be the JSON and nothing
// else, whatever the log level, and `--version` answers the package's version.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CLI = 'dist/cli/main.js';
const SEED = 'seeds/000_4be72ea5d1cf2c89.txt';

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { input, env: { ...process.env, LOG_LEVEL: 'trace' }, encoding: 'utf8' });

describe('the extract command’s output', () => {
  it('prints clean JSON for an article piped in, as for the same article given as a file', () => {
    const piped = cli(['extract', '--json'], readFileSync(SEED, 'utf8'));
    expect(piped.status).toBe(0);
    const out = JSON.parse(piped.stdout) as { articles: Array<{ file: string; claims: unknown[] }> };
    expect(out.articles).toHaveLength(1);
    expect(out.articles[0].file).toBe('stdin');
    expect(out.articles[0].claims.length).toBeGreaterThan(3);
    const named = JSON.parse(cli(['extract', '--json', SEED]).stdout) as typeof out;
    expect(named.articles[0].claims).toEqual(out.articles[0].claims);
  });

  it('answers --version with the package’s version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const run = cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});
