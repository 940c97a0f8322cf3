// `keys add|list|revoke` against a running service on the same DATA_DIR: an issued key works at
// once and records its analyst, a revoked one stops at once, and no secret is ever stored or listed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import request from 'supertest';
import { keysFile } from '../../src/app/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CLI = 'dist/cli/main.js';

describe('keys CLI (node dist/cli/main.js keys)', () => {
  let t: TestApp;
  const keys = (...args: string[]) => spawnSync(process.execPath, [CLI, 'keys', ...args], { env: { ...process.env, DATA_DIR: t.dataDir }, encoding: 'utf8' });

  beforeAll(async () => {
    // `npm test` builds in pretest; a lone run of this file builds once if dist is missing.
    if (!existsSync(CLI)) expect(spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status).toBe(0);
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('issues, lists and revokes personal keys that the running service honours at once', async () => {
    // No keys yet: the loopback service is open.
    await request(t.server).post('/articles').send({ text: 'Genovia pledged calm.' }).expect(201);
    const added = keys('add', 'kim', '--role', 'analyst');
    expect(added.status).toBe(0);
    const [, token] = added.stdout.trim().split('\n');
    expect(token).toMatch(/^ct_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    const keyId = token.slice(3, 15);
    // Now that a key exists, writes need one.
    expect((await request(t.server).post('/articles').send({ text: 'Genovia pledged a road.' })).status).toBe(401);
    await request(t.server).post('/articles').set('authorization', `Bearer ${token}`).send({ text: 'Genovia pledged a road.' }).expect(201);
    expect((await t.store.readAll()).at(-1)!.metadata).toMatchObject({ keyId });

    const listed = keys('list');
    expect(listed.stdout).toMatch(new RegExp(`^${keyId}\\s+kim\\s+analyst\\s+\\S+\\s+live$`, 'm'));
    expect(listed.stdout).not.toContain(token.slice(16));
    expect(readFileSync(keysFile(t)).includes(token.slice(16))).toBe(false);

    expect(keys('revoke', keyId).stdout).toContain(`key ${keyId} revoked`);
    expect((await request(t.server).post('/articles').set('authorization', `Bearer ${token}`).send({ text: 'Genovia pledged a rail.' })).status).toBe(401);
    expect(keys('list').stdout).toMatch(new RegExp(`^${keyId}.*revoked`, 'm'));
    // Revoking the last key does not open the service again.
    expect((await request(t.server).post('/articles').send({ text: 'Genovia pledged a canal.' })).status).toBe(401);
  });

  it('says what is wrong with a bad name, role or key id', () => {
    const badName = keys('add', 'kim lee');
    expect(badName.status).not.toBe(0);
    expect(badName.stderr).toMatch(/an analyst's name is 1-64 letters/);
    const badRole = keys('add', 'kim', '--role', 'owner');
    expect(badRole.stderr).toMatch(/a role is one of reader, analyst, admin/);
    const unknown = keys('revoke', '000000000000');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no live key 000000000000/);
  });
});
