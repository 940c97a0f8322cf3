import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Which folder may import which: the lower layers know nothing of those that use them.
const SRC = resolve('src');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Every relative import of the files under `folder`, as paths under src/ ("app/config.ts"). */
const importsOf = (folder: string): { file: string; target: string }[] =>
  filesUnder(join(SRC, folder)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => ({
      file: relative(SRC, file),
      target: relative(SRC, resolve(dirname(file), m[1])).replace(/\.js$/, '.ts'),
    })),
  );

const reaching = (folder: string, forbidden: string[]): string[] =>
  importsOf(folder)
    .filter(({ target }) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
    .map(({ file, target }) => `${file} → ${target}`);

describe('layers', () => {
  it('the event store is the lowest layer: it imports no configuration, read model or feature', () => {
    expect(reaching('event-store', ['app', 'articles', 'read-models', 'projections', 'read-routes', 'http', 'cli'])).toEqual([]);
  });

  it('the helpers shared by read models import no read model', () => {
    const models = readdirSync(join(SRC, 'read-models'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'shared')
      .map((e) => `read-models/${e.name}`);
    expect(models).toContain('read-models/claims');
    expect(reaching('read-models/shared', models)).toEqual([]);
  });
});
