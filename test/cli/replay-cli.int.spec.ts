import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import request from 'supertest';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { ViewSnapshots } from '../../src/projections/view-snapshots.js';
import { startAppOnDir, type AppOnDir } from '../views/app-on-dir.js';

const CLI = 'dist/cli/main.js';
const run = promisify(execFile);

interface Summary { file: string; views: Array<{ name: string; events: number; ms: number; eventsPerSecond: number; checkpoint: string }>; invalidEvents: number }
interface Status { head: string; views: Array<{ name: string; checkpoint: string; processed: number; behind: number; hash?: string }> }

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
  const stop = async (app: AppOnDir) => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };
  const status = async (app: AppOnDir): Promise<Status> => (await request(app.server).get('/projections?hash=true').expect(200)).body;
  const ingest = async (app: AppOnDir, from: number, to: number) => {
    for (let i = from; i < to; i++) await request(app.server).post('/articles').send({ text: text(i) }).expect(201);
  };
  const replay = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'replay', ...args], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
  const savedRows = (dir: string) => {
    const db = new Database(join(dir, 'views.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT name, checkpoint, saved FROM views').all() as Array<{ name: string; checkpoint: string; saved: number }>;
      const snapshots = new ViewSnapshots(join(dir, 'views.sqlite'));
      try {
        return new Map(rows.map((r) => [r.name, { ...r, state: JSON.stringify(snapshots.load(r.name)!.state) }]));
      } finally {
        snapshots.close();
      }
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    // `npm test` builds in pretest; a lone run of this file builds once if dist is missing.
    if (!existsSync(CLI)) expect(spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status).toBe(0);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('rebuilds every view from position 0 into views.sqlite; the service started on it resumes with nothing to reprocess', async () => {
    const dir = newDir();
    const first = await start(dir);
    await ingest(first, 0, 12);
    const live = await status(first);
    await stop(first);
    // Without its snapshots, only the replay can bring the views back.
    for (const f of ['views.sqlite', 'views.sqlite-wal', 'views.sqlite-shm']) rmSync(join(dir, f), { force: true });

    const out = replay(dir, '--json');
    expect(out.stderr).not.toMatch(/\x1b\[/); // not a terminal: plain lines, no bar
    expect(out.stderr).toMatch(/^replay claims: \d+ of 36 events, at position \d+$/m);
    expect(out.status).toBe(0);
    const summary: Summary = JSON.parse(out.stdout);
    expect(summary.file).toBe(join(dir, 'views.sqlite'));
    expect(summary.views.map((v) => v.name)).toEqual(live.views.map((v) => v.name));
    for (const v of summary.views) expect(v).toMatchObject({ events: 36, checkpoint: live.head, ms: expect.any(Number), eventsPerSecond: expect.any(Number) });

    const second = await start(dir);
    const resumed = await status(second);
    expect(resumed.views.map((v) => [v.name, v.checkpoint, v.processed, v.behind])).toEqual(live.views.map((v) => [v.name, live.head, 0, 0]));
    expect(resumed.views.map((v) => v.hash)).toEqual(live.views.map((v) => v.hash));
    expect((await request(second.server).get('/claims').expect(200)).body.total).toBe(24);
  });

  it('prints a table by default, rewrites only the views named, and refuses an unknown view naming the views', async () => {
    const dir = newDir();
    const app = await start(dir);
    await ingest(app, 0, 3);
    await stop(app);
    const before = savedRows(dir);

    const out = replay(dir, '--name', 'parties', '--name', 'conflicts');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^view\s+events\s+ms\s+events\/s\s+checkpoint\nparties\s+9\s+\d+\s+\d+\s+9\nconflicts\s+9\s+\d+\s+\d+\s+9\nwritten to /);
    const after = savedRows(dir);
    for (const name of ['claims', 'sources', 'articles', 'attributions']) expect(after.get(name)).toEqual(before.get(name));
    for (const name of ['parties', 'conflicts']) {
      expect(after.get(name)!.saved).toBeGreaterThan(before.get(name)!.saved);
      expect(JSON.parse(after.get(name)!.state)).toEqual(JSON.parse(before.get(name)!.state));
    }

    const bad = replay(dir, '--name', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('claimtrail: no view named nope; views are claims, parties, sources, articles, attributions, conflicts\n');
  });

  it('runs beside a service on the same DATA_DIR: the service keeps answering and writing, the file stays whole, a restart is consistent', async () => {
    const dir = newDir();
    const app = await start(dir);
    await ingest(app, 0, 20);
    const cli = run(process.execPath, [CLI, 'replay', '--json'], { env: { ...process.env, DATA_DIR: dir } });
    // Writes and reads while the CLI rebuilds.
    let served = 0;
    for (let i = 20; i < 30; i++) {
      await request(app.server).post('/articles').send({ text: text(i) }).expect(201);
      expect((await request(app.server).get('/claims').expect(200)).body.total).toBe(2 * (i + 1));
      served++;
    }
    const { stdout } = await cli;
    expect(served).toBe(10);
    expect((JSON.parse(stdout) as Summary).views).toHaveLength(6);
    const live = await status(app);
    expect(live.views.every((v) => v.checkpoint === live.head && v.behind === 0)).toBe(true);
    await stop(app);

    const db = new Database(join(dir, 'views.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const again = await start(dir);
    const resumed = await status(again);
    expect(resumed.views.map((v) => v.hash)).toEqual(live.views.map((v) => v.hash));
    await request(again.server).post('/projections/rebuild?wait=true').expect(202);
    expect((await status(again)).views.map((v) => v.hash)).toEqual(live.views.map((v) => v.hash));
  });
});
