// The service's V8 flags are written once (src/app/node-flags.ts); `npm start` and the Dockerfile
// spell them on their command lines, and this keeps the three the same.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SERVICE_NODE_FLAGS } from '../../src/app/node-flags.js';

const flagsBefore = (command: string, entry: string): string[] => {
  const words = command.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf(entry));
};

describe('the service node flags', () => {
  it('are the ones npm start passes', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(flagsBefore(scripts.start, 'dist/main.js')).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it('are the ones the Dockerfile runs the service with', () => {
    const cmd = readFileSync('Dockerfile', 'utf8').match(/^CMD (\[.*\])$/m);
    const words = JSON.parse(cmd![1]) as string[];
    expect(flagsBefore(words.join(' '), 'dist/main.js')).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it('are flags this Node takes', () => {
    // Node rejects an unknown V8 flag at start; setFlagsFromString would not say.
    const { status, stderr } = spawnSync(process.execPath, [...SERVICE_NODE_FLAGS, '-e', '0'], { encoding: 'utf8' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
