// Views rebuilt while the process is SIGKILLed: the `replay` CLI at random moments, and the service
// in the middle of POST /projections/rebuild. Whatever the kills leave in DATA_DIR/views.sqlite, the
// service started on it serves views equal to the incrementally built ones and to a fresh rebuild.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import { articleStream } from '../../src/domain/ids.js';
import { newCommandContext, toAppend } from '../../src/domain/events/index.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { writeCorpus } from '../support/article-corpus.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { kill, requireBuild, runCli, seeded, startService, until, type Service } from './processes.js';

const SEED = Number(process.env.CRASH_SEED ?? 11);

/** The quick pledge rules, with actors spread over 200 parties, as in an archive (one party on every claim makes the conflicts view quadratic). */
const spreadPledges: ClaimExtractor = {
  ...pledgeExtractor,
  extract: (article) =>
    pledgeExtractor.extract(article).map((c) => {
      const party = `party-${[...c.evidence.text].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 200, 7)}`;
      return { ...c, actors: [{ party, mention: party }] };
    }),
};

interface Status {
  head: string;
  views: Array<{ name: string; checkpoint: string; behind: number; hash?: string; rebuilding: { processed: number; target: string } | false | null }>;
}
const status = async (s: Service, hash = false): Promise<Status> => (await fetch(`${s.base}/projections${hash ? '?hash=true' : ''}`)).json() as Promise<Status>;
const hashes = (st: Status) => Object.fromEntries(st.views.map((v) => [v.name, v.hash]));
const caughtUp = async (s: Service) => (await status(s)).views.every((v) => v.behind === 0);

/**
 * The rows the SQLite adapter writes, inserted in one transaction: enough events that a rebuild
 * takes long enough to be killed in the middle, without paying an fsync per article.
 */
const fillStore = (file: string, corpus: string[], extractorFor: (i: number) => ClaimExtractor): number => {
  // Only its schema is wanted; the close of a store that never opened a write is immediate.
  void new SqliteEventStore(file).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let count = 0;
  db.transaction(() => {
    corpus.forEach((text, i) => {
      const events = ingestEvents(articleFromInput({ text }), extractorFor(i));
      toAppend(events, newCommandContext(), 0n).forEach((e, revision) => {
        insert.run(articleStream(events[0].data.articleId), revision, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), Date.now());
        count++;
      });
    });
  })();
  db.close();
  return count;
};

describe('rebuilds killed mid-run', () => {
  let dir: string;
  const dataDir = () => join(dir, 'data');
  const services: Service[] = [];
  const start = async () => {
    const s = await startService(dataDir());
    services.push(s);
    await until('the views to catch up', () => caughtUp(s), 60_000);
    return s;
  };

  beforeAll(() => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-rebuild-crash-'));
    const texts = writeCorpus(join(dir, 'corpus'), 1000).map((f) => readFileSync(f, 'utf8'));
    // The first 150 with the real extractor (parties, sources, conflicts), the rest with the quick pledge rules.
    const real = defaultExtractor();
    const events = fillStore(join(dataDir(), 'claimtrail.sqlite'), texts, (i) => (i < 150 ? real : spreadPledges));
    console.log(`rebuild-crash: ${events} events in ${texts.length} articles`);
  });
  afterAll(async () => {
    for (const s of services) if (s.child.exitCode === null && s.child.signalCode === null) await kill(s);
    rmSync(dir, { recursive: true, force: true });
  });

  it('replay CLI and in-service rebuild SIGKILLed: the next service serves views equal to the live ones and to a fresh rebuild', async () => {
    const random = seeded(SEED);
    const log: string[] = [];

    // 1. Views built incrementally by a first service (catch-up from position 0, snapshots saved as it goes).
    const first = await start();
    const live = hashes(await status(first, true));
    expect(Object.values(live).every((h) => typeof h === 'string')).toBe(true);

    // 2. Killed in the middle of an in-service rebuild: a first one, awaited, says how long one takes.
    const timed = await (await fetch(`${first.base}/projections/rebuild?wait=true`, { method: 'POST' })).json() as { status: Array<{ lastRebuild: { ms: number } }> };
    const rebuildMs = Math.max(...timed.status.map((v) => v.lastRebuild.ms));
    // The service cannot be asked how far it got (a page of the rebuild runs without yielding), so the
    // kill comes at a random point well inside the duration just measured.
    const delay = Math.round(rebuildMs * (0.1 + 0.6 * random()));
    expect((await fetch(`${first.base}/projections/rebuild`, { method: 'POST' })).status).toBe(202);
    await new Promise((r) => setTimeout(r, delay));
    await kill(first);
    log.push(`service killed ${delay} ms into a ${rebuildMs} ms rebuild`);

    // 3. The replay CLI killed at random moments over one undisturbed run's duration (timed on a copy).
    mkdirSync(join(dir, 'timing'));
    copyFileSync(join(dataDir(), 'claimtrail.sqlite'), join(dir, 'timing', 'claimtrail.sqlite'));
    const timing = await runCli(['replay'], { DATA_DIR: join(dir, 'timing') });
    expect(timing.code).toBe(0);
    for (let i = 0; i < 2; i++) {
      const ms = Math.round(timing.ms * (0.3 + 0.7 * random()));
      const run = await runCli(['replay'], { DATA_DIR: dataDir() }, ms);
      log.push(`replay ${run.signal === 'SIGKILL' ? 'killed' : 'finished'} at ${ms} ms`);
      if (run.signal !== 'SIGKILL') expect(run.code).toBe(0);
    }
    console.log(`rebuild-crash: undisturbed replay ${timing.ms} ms; ${log.join('; ')}; seed ${SEED}`);

    // 4. Whatever the file holds now, the next service serves the same views, and a fresh rebuild agrees.
    const second = await start();
    expect(hashes(await status(second, true))).toEqual(live);
    const rebuilt = await fetch(`${second.base}/projections/rebuild?wait=true`, { method: 'POST' });
    expect(rebuilt.status).toBe(202);
    expect(hashes(await status(second, true))).toEqual(live);
    await kill(second);
  }, 180_000);
});
