import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { READ_MODEL_NAMES } from '../../src/read-models/index.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startAppOnDir, type AppOnDir } from '../read-routes/app-on-dir.js';

const CLI = 'dist/cli/main.js';
const run = promisify(execFile);

interface Summary {
  views: Array<{ name: string; events: number; ms: number; eventsPerSecond: number; checkpoint: string; hash: string }>;
  invalidEvents: number;
}

const text = (i: number) => `Ruritania pledged road ${i}. Genovia pledged rail ${i}.`;

describe('replay CLI (node dist/cli/main.js replay)', () => {
  const dirs: string[] = [];
  const apps: AppOnDir[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-replay-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (dir: string) => {
    const app = await startAppOnDir(dir, pledgeExtractor);
    apps.push(app);
    return app;
  };
  const ingest = async (app: AppOnDir, from: number, to: number) => {
    for (let i = from; i < to; i++)
      await request(app.server)
        .post('/articles')
        .send({ text: text(i) })
        .expect(201);
  };
  const replay = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'replay', ...args], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });

  beforeAll(() => {
    // `npm test` builds in pretest; a lone run of this file builds once if dist is missing.
    if (!existsSync(CLI)) expect(spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status).toBe(0);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('folds every reference read model from position 0 and reports each, writing nothing', async () => {
    const dir = newDir();
    const app = await start(dir);
    await ingest(app, 0, 12);
    const head = (await request(app.server).get('/projections').expect(200)).body.head as string;
    await app.close();
    apps.pop();
    const files = readdirSync(dir).sort();

    const out = replay(dir, '--json');
    expect(out.stderr).not.toMatch(/\x1b\[/); // not a terminal: plain lines, no bar
    expect(out.stderr).toMatch(/^replay claims: \d+ of 36 events, at position \d+$/m);
    expect(out.status).toBe(0);
    const summary: Summary = JSON.parse(out.stdout);
    expect(summary.views.map((v) => v.name)).toEqual(READ_MODEL_NAMES);
    for (const v of summary.views)
      expect(v).toMatchObject({ events: 36, checkpoint: head, ms: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readdirSync(dir).sort()).toEqual(files);
    // The same log folds to the same states.
    expect((JSON.parse(replay(dir, '--json').stdout) as Summary).views.map((v) => v.hash)).toEqual(summary.views.map((v) => v.hash));
  });

  it('prints a table by default, folds only the read models named, and refuses an unknown one naming them', async () => {
    const dir = newDir();
    const app = await start(dir);
    await ingest(app, 0, 3);
    await app.close();
    apps.pop();

    const out = replay(dir, '--name', 'parties', '--name', 'conflicts');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(
      /^view\s+events\s+ms\s+events\/s\s+checkpoint\s+hash\nparties\s+9\s+\d+\s+\d+\s+9\s+[0-9a-f]{16}\nconflicts\s+9\s+\d+\s+\d+\s+9\s+[0-9a-f]{16}\n$/,
    );

    const bad = replay(dir, '--name', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('claimtrail: no read model named nope; read models are claims, parties, sources, articles, attributions, conflicts\n');
  });

  it('runs beside a service on the same DATA_DIR, which keeps answering and writing', async () => {
    const dir = newDir();
    const app = await start(dir);
    await ingest(app, 0, 20);
    const cli = run(process.execPath, [CLI, 'replay', '--json'], { env: { ...process.env, DATA_DIR: dir } });
    for (let i = 20; i < 30; i++) {
      await request(app.server)
        .post('/articles')
        .send({ text: text(i) })
        .expect(201);
      expect((await request(app.server).get('/claims').expect(200)).body.total).toBe(2 * (i + 1));
    }
    const { stdout } = await cli;
    expect((JSON.parse(stdout) as Summary).views).toHaveLength(6);
  });
});
