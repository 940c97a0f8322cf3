import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/app/config.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

describe('another process holding the SQLite write lock past the busy timeout', () => {
  let dir: string;
  let store: SqliteEventStore;
  let app: NestFastifyApplication;
  let other: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-busy-'));
    const file = join(dir, 'claimtrail.sqlite');
    // A short busy timeout so the test need not wait the production 5 s.
    store = new SqliteEventStore(file, { busyTimeoutMs: 100, pollMs: 20 });
    app = await createApp({ config: { ...loadConfig({}), dataDir: dir, seedOnStart: false }, extractor: pledgeExtractor, store, logger: false });
    await app.listen(0, '127.0.0.1');
    other = new Database(file);
  });
  afterAll(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a write with a retryable 503 that names no SQLite internals, keeps serving reads, and takes the retry', async () => {
    const server = app.getHttpServer();
    other.exec('BEGIN IMMEDIATE');
    const busy = await request(server).post('/articles').send({ text: 'Ruritania pledged calm at the border.' });
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.body.message).toMatch(/busy.*retry/);
    expect(busy.text).not.toMatch(/SQLITE|database is locked/i);
    await request(server).get('/claims').expect(200);
    expect(await store.headPosition()).toBe(-1n);

    other.exec('COMMIT');
    await request(server).post('/articles').send({ text: 'Ruritania pledged calm at the border.' }).expect(201);
  });
});
