// "Killing the service and starting it again resumes from the checkpoint without reprocessing
// everything": once stopped cleanly in-process, once killed with SIGKILL as a real process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startAppOnDir, type AppOnDir } from './app-on-dir.js';

interface Status { head: string; views: Array<{ name: string; checkpoint: string; processed: number; behind: number; hash: string }> }
const text = (i: number) => `Ruritania pledged road ${i}. Genovia pledged rail ${i}.`;
const hashes = (s: Status) => s.views.map((v) => [v.name, v.hash]);

describe('restart resumes from the saved checkpoints', () => {
  const dirs: string[] = [];
  const apps: AppOnDir[] = [];
  const children: ChildProcess[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrail-restart-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('after a clean stop, processes only the events appended since, and the views are as they were', async () => {
    const dir = newDir();
    const first = await startAppOnDir(dir, pledgeExtractor);
    apps.push(first);
    for (let i = 0; i < 10; i++) await request(first.server).post('/articles').send({ text: text(i) }).expect(201);
    const before: Status = (await request(first.server).get('/projections?hash=true').expect(200)).body;
    expect(before.views.every((v) => v.processed === 30)).toBe(true);
    await apps.pop()!.close();

    const second = await startAppOnDir(dir, pledgeExtractor);
    apps.push(second);
    const resumed: Status = (await request(second.server).get('/projections?hash=true').expect(200)).body;
    expect(resumed.views.map((v) => [v.checkpoint, v.processed, v.behind])).toEqual(before.views.map(() => [before.head, 0, 0]));
    expect(hashes(resumed)).toEqual(hashes(before));

    for (let i = 10; i < 12; i++) await request(second.server).post('/articles').send({ text: text(i) }).expect(201);
    const after: Status = (await request(second.server).get('/projections?hash=true').expect(200)).body;
    expect(after.views.every((v) => v.processed === 6 && v.checkpoint === after.head)).toBe(true);
    // And the resumed views are what a rebuild from position 0 gives.
    await request(second.server).post('/projections/rebuild?wait=true').expect(202);
    expect(hashes((await request(second.server).get('/projections?hash=true').expect(200)).body)).toEqual(hashes(after));
  });

  describe('killed with SIGKILL (node dist/main.js)', () => {
    const MAIN = 'dist/main.js';
    beforeAll(() => {
      // `npm test` builds in pretest; a lone run of this file builds once if dist is missing.
      if (!existsSync(MAIN)) expect(spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status).toBe(0);
    });

    const freePort = () => new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 20_000) => {
      const deadline = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const startService = async (dataDir: string) => {
      const port = await freePort();
      const child = spawn(process.execPath, [MAIN], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false' }, stdio: 'ignore' });
      children.push(child);
      const base = `http://127.0.0.1:${port}`;
      await until('the service to answer', () => fetch(`${base}/health`).then((r) => r.ok, () => false));
      return { child, base };
    };
    const status = async (base: string): Promise<Status> => (await fetch(`${base}/projections?hash=true`)).json() as Promise<Status>;
    const savedCheckpoints = (dataDir: string): Map<string, bigint> => {
      const db = new Database(join(dataDir, 'views.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return new Map((db.prepare('SELECT name, checkpoint FROM views').all() as Array<{ name: string; checkpoint: string }>).map((r) => [r.name, BigInt(r.checkpoint)]));
      } catch {
        return new Map(); // the table may not be there yet
      } finally {
        db.close();
      }
    };
    const ingest = async (base: string, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const res = await fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: text(i) }) });
        expect(res.status).toBe(201);
      }
    };

    it('resumes from the last saved snapshot: only the events after it are processed again, and the views equal those before the kill', async () => {
      const dataDir = newDir();
      const first = await startService(dataDir);
      await ingest(first.base, 0, 30);
      const head = (await status(first.base)).head;
      // The service saves its views about once a second; wait until the file has all of it.
      await until('a snapshot at the head', () => existsSync(join(dataDir, 'views.sqlite')) && [...savedCheckpoints(dataDir).values()].filter((c) => c === BigInt(head)).length === 6);
      await ingest(first.base, 30, 33);
      const beforeKill = await status(first.base);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));

      const saved = savedCheckpoints(dataDir);
      expect(saved.size).toBe(6);
      const second = await startService(dataDir);
      await until('the views to catch up', async () => (await status(second.base)).views.every((v) => v.behind === 0));
      const resumed = await status(second.base);
      expect(resumed.head).toBe(beforeKill.head);
      for (const v of resumed.views) {
        // Positions are consecutive in SQLite: events after the saved checkpoint are head - checkpoint.
        expect(v.processed).toBe(Number(BigInt(resumed.head) - saved.get(v.name)!));
        expect(v.processed).toBeLessThan(Number(resumed.head));
      }
      expect(hashes(resumed)).toEqual(hashes(beforeKill));
    });
  });
});
