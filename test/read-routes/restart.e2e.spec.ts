// "Killing the service and starting it again resumes from the checkpoint without reprocessing
// everything": once stopped cleanly in-process, once killed with SIGKILL as a real process. The
// checkpoints are written with the read models' rows (read-models.sqlite), batch by batch.
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

interface Status {
  head: string;
  views: Array<{ name: string; checkpoint: string; processed: number; behind: number; hash: string }>;
}
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

  it('after a clean stop, processes only the events appended since, and the read models are as they were', async () => {
    const dir = newDir();
    const first = await startAppOnDir(dir, pledgeExtractor);
    apps.push(first);
    for (let i = 0; i < 10; i++)
      await request(first.server)
        .post('/articles')
        .send({ text: text(i) })
        .expect(201);
    const before: Status = (await request(first.server).get('/projections?hash=true').expect(200)).body;
    expect(before.views.every((v) => v.processed === 30)).toBe(true);
    await apps.pop()!.close();

    const second = await startAppOnDir(dir, pledgeExtractor);
    apps.push(second);
    const resumed: Status = (await request(second.server).get('/projections?hash=true').expect(200)).body;
    expect(resumed.views.map((v) => [v.checkpoint, v.processed, v.behind])).toEqual(before.views.map(() => [before.head, 0, 0]));
    expect(hashes(resumed)).toEqual(hashes(before));

    for (let i = 10; i < 12; i++)
      await request(second.server)
        .post('/articles')
        .send({ text: text(i) })
        .expect(201);
    const after: Status = (await request(second.server).get('/projections?hash=true').expect(200)).body;
    expect(after.views.every((v) => v.processed === 6 && v.checkpoint === after.head)).toBe(true);
    // And the resumed read models are what a rebuild from position 0 gives.
    await request(second.server).post('/projections/rebuild?wait=true').expect(202);
    expect(hashes((await request(second.server).get('/projections?hash=true').expect(200)).body)).toEqual(hashes(after));
  });

  describe('killed with SIGKILL (node dist/main.js)', () => {
    const MAIN = 'dist/main.js';
    beforeAll(() => {
      // `npm test` builds in pretest; a lone run of this file builds once if dist is missing.
      if (!existsSync(MAIN)) expect(spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status).toBe(0);
    });

    const freePort = () =>
      new Promise<number>((resolve) => {
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
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false' },
        stdio: 'ignore',
      });
      children.push(child);
      const base = `http://127.0.0.1:${port}`;
      await until('the service to answer', () =>
        fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      );
      return { child, base };
    };
    const status = async (base: string): Promise<Status> => (await fetch(`${base}/projections?hash=true`)).json() as Promise<Status>;
    /** The checkpoint of each read model's active rows, as the read-model file holds them. */
    const savedCheckpoints = (dataDir: string): Map<string, bigint> => {
      const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true, fileMustExist: true });
      try {
        const sql =
          'SELECT c.read_model AS name, c.position AS position FROM checkpoints c LEFT JOIN active a ON a.read_model = c.read_model ' +
          'WHERE c.generation = coalesce(a.generation, 1)';
        return new Map((db.prepare(sql).safeIntegers(true).all() as Array<{ name: string; position: bigint }>).map((r) => [r.name, r.position]));
      } finally {
        db.close();
      }
    };
    const ingest = async (base: string, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const res = await fetch(`${base}/articles`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: text(i) }),
        });
        expect(res.status).toBe(201);
      }
    };

    const resumes =
      'resumes from the checkpoints written with the rows: an acknowledged write is in every read model, ' +
      'nothing is processed again, and the read models equal those before the kill';
    it(resumes, async () => {
      const dataDir = newDir();
      const first = await startService(dataDir);
      await ingest(first.base, 0, 30);
      const beforeKill = await status(first.base);
      // Killed at once: every 201 came after its events were written with their checkpoint.
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));

      const saved = savedCheckpoints(dataDir);
      expect([...saved.keys()].sort()).toEqual(beforeKill.views.map((v) => v.name).sort());
      expect([...saved.values()].every((c) => c === BigInt(beforeKill.head))).toBe(true);
      const second = await startService(dataDir);
      await until('the read models to catch up', async () => (await status(second.base)).views.every((v) => v.behind === 0));
      const resumed = await status(second.base);
      expect(resumed.head).toBe(beforeKill.head);
      expect(resumed.views.map((v) => v.processed)).toEqual(resumed.views.map(() => 0));
      expect(hashes(resumed)).toEqual(hashes(beforeKill));
      await ingest(second.base, 30, 33);
      expect((await status(second.base)).views.map((v) => v.processed)).toEqual(resumed.views.map(() => 9));
    });
  });
});
