import { afterEach, describe, expect, it } from '@jest/globals';
import { seedIfEmpty } from '../../src/app/seed-on-start.js';
import { loadConfig } from '../../src/app/config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('seeding on start', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('fills an empty store from seeds/ once, and leaves a non-empty store alone', async () => {
    t = await startTestApp();
    const config = { ...loadConfig({}), seedOnStart: true, seedsDir: 'seeds' };
    await seedIfEmpty(t.app, config);
    const streams = new Set((await t.store.readAll()).map((e) => e.streamName));
    expect(streams.size).toBe(2);
    const head = await t.store.headPosition();
    await seedIfEmpty(t.app, config);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('does nothing when SEED_ON_START=false', async () => {
    t = await startTestApp();
    await seedIfEmpty(t.app, { ...loadConfig({ SEED_ON_START: 'false' }), seedsDir: 'seeds' });
    expect(await t.store.headPosition()).toBe(-1n);
  });
});
