// `reextract` SIGKILLed at random moments, then rerun: every article ends exactly as one clean run
// leaves it, analysts' work untouched, and a further run changes nothing.
import { PageFetcher } from '../../src/inputs/fetching/page-fetcher.js';
import { loadConfig } from '../../src/app/config.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestArticleCommand } from '../../src/articles/ingesting-article/ingest-article.command.js';
import { IngestArticleHandler } from '../../src/articles/ingesting-article/ingest-article.handler.js';
import { StoryIndex } from '../../src/syndication/story-index.js';
import { Syndication } from '../../src/syndication/syndication.js';
import { ReextractArticlesCommand } from '../../src/articles/reextracting-article/reextract-articles.command.js';
import { ReextractArticlesHandler } from '../../src/articles/reextracting-article/reextract-articles.handler.js';
import { RetractClaimCommand } from '../../src/articles/retracting-claim/retract-claim.command.js';
import { RetractClaimHandler } from '../../src/articles/retracting-claim/retract-claim.handler.js';
import { newCommandContext } from '../../src/domain/events/index.js';
import { defaultExtractor } from '../../src/extraction/default-extractor.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { writeCorpus } from '../support/article-corpus.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { requireBuild, runCli, seeded } from './processes.js';

const ARTICLES = 50;
const SEED = Number(process.env.CRASH_SEED ?? 7);

/** Streams as (type, data) per stream: what must match, whatever the ids and timestamps of the appends. */
const streamsOf = async (file: string) => {
  const store = new SqliteEventStore(file);
  try {
    const byStream = new Map<string, Array<{ type: string; data: unknown }>>();
    for (const e of await store.readAll()) byStream.set(e.streamName, [...(byStream.get(e.streamName) ?? []), { type: e.type, data: e.data }]);
    return byStream;
  } finally {
    await store.close();
  }
};

describe('reextract killed mid-run', () => {
  let dir: string;
  const dataDir = () => join(dir, 'data');
  const file = () => join(dataDir(), 'claimtrail.sqlite');
  let analystRetracted: string[];

  beforeAll(async () => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-reextract-crash-'));
    // Ingested by an older extractor (the test's pledge rules), so the real one has work on every article.
    const store = new SqliteEventStore(file());
    const ingest = new IngestArticleHandler(store, pledgeExtractor, new PageFetcher(loadConfig({})), new Syndication(new StoryIndex(':memory:')));
    const ingested = [];
    for (const f of writeCorpus(join(dir, 'corpus'), ARTICLES))
      ingested.push(await ingest.execute(new IngestArticleCommand({ text: readFileSync(f, 'utf8') }, newCommandContext())));
    // An analyst threw out the first claim of every tenth article: re-extraction must never bring it back.
    const retract = new RetractClaimHandler(store);
    analystRetracted = [];
    for (const r of ingested.filter((_, i) => i % 10 === 0)) {
      const claim = (await store.readStream(r.stream)).find((e) => e.type === 'PledgeMade')!;
      const claimId = (claim.data as { claimId: string }).claimId;
      await retract.execute(new RetractClaimCommand(claimId, r.revision, 'not a pledge', 'analyst:kim', newCommandContext()));
      analystRetracted.push(claimId);
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converges to what one clean run writes, and a second run changes nothing', async () => {
    // The reference: the same store, re-extracted once, uninterrupted, in-process.
    mkdirSync(join(dir, 'clean'));
    copyFileSync(file(), join(dir, 'clean', 'claimtrail.sqlite'));
    const clean = new SqliteEventStore(join(dir, 'clean', 'claimtrail.sqlite'));
    const summary = await new ReextractArticlesHandler(clean, defaultExtractor()).execute(new ReextractArticlesCommand(null, newCommandContext()));
    const referenceHead = Number(await clean.headPosition());
    await clean.close();
    expect(summary.changed).toBe(ARTICLES);

    // Killed twice mid-write (ingest-crash covers kills during start-up): when the store has grown by a random
    // share of what is left to write (watched through a second connection), whatever the machine's speed.
    const random = seeded(SEED);
    const watcher = new Database(file(), { readonly: true });
    const head = () => (watcher.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p;
    const total = referenceHead - head();
    const kills: string[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const before = head();
        const target = before + Math.max(1, Math.floor(random() * 0.7 * (referenceHead - before)));
        const run = await runCli(['reextract'], { DATA_DIR: dataDir() }, () => head() >= target);
        expect(run.signal).toBe('SIGKILL');
        kills.push(`after +${head() - before} events`);
      }
      console.log(`reextract: ${total} events to write; SIGKILL ${kills.join(', ')}; seed ${SEED}`);
      expect(head()).toBeLessThan(referenceHead);
    } finally {
      watcher.close();
    }

    const finish = await runCli(['reextract'], { DATA_DIR: dataDir() });
    expect(finish.code).toBe(0);
    const again = await runCli(['reextract'], { DATA_DIR: dataDir() });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^${ARTICLES} article\\(s\\): 0 changed, 0 claim\\(s\\) retracted, 0 added`, 'm'));

    const crashed = await streamsOf(file());
    const reference = await streamsOf(join(dir, 'clean', 'claimtrail.sqlite'));
    expect(crashed.size).toBe(ARTICLES);
    for (const [stream, events] of crashed) {
      expect(events.filter((e) => e.type === 'ArticleIngested')).toHaveLength(1);
      expect(events).toEqual(reference.get(stream));
    }
    // The analyst's retractions stand: none of those claims was re-added under its id.
    const all = [...crashed.values()].flat();
    for (const claimId of analystRetracted) {
      expect(all.filter((e) => (e.data as { claimId?: string }).claimId === claimId).map((e) => e.type)).toEqual(['PledgeMade', 'ClaimRetracted']);
    }
  }, 120_000);
});
