import { PageFetcher } from '../../src/inputs/fetching/page-fetcher.js';
import { loadConfig } from '../../src/app/config.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestArticleCommand } from '../../src/articles/ingesting-article/ingest-article.command.js';
import { IngestArticleHandler } from '../../src/articles/ingesting-article/ingest-article.handler.js';
import { StoryIndex } from '../../src/syndication/story-index.js';
import { Syndication } from '../../src/syndication/syndication.js';
import { ReextractArticlesCommand } from '../../src/articles/reextracting-article/reextract-articles.command.js';
import { ReextractArticlesHandler } from '../../src/articles/reextracting-article/reextract-articles.handler.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import { newCommandContext } from '../../src/domain/events/index.js';
import type { EventStore } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { sparseStore, writeArticles } from '../support/sparse-store.js';

/** A stricter rule change: only pledges that name what is pledged "to" something. */
const stricter: ClaimExtractor = {
  name: 'test-pledges',
  version: '2',
  extract: (article) => pledgeExtractor.extract(article).filter((c) => / to /.test(c.evidence.text)),
};

const stores: Array<[string, (dir: string) => EventStore]> = [
  ['SQLite', (dir) => new SqliteEventStore(join(dir, 'events.sqlite'))],
  ['sparse in-memory (as EventStoreDB)', () => sparseStore()],
];

describe.each(stores)('reextract over a %s store', (_name, open) => {
  let dir: string;
  let store: EventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-reextract-'));
    store = open(dir);
    const ingest = new IngestArticleHandler(store, pledgeExtractor, new PageFetcher(loadConfig({})), new Syndication(new StoryIndex(':memory:')));
    for (const text of ['Ruritania pledged to open the port. Genovia pledged calm.', 'Zubrowka pledged support. Nothing else happened.']) {
      await ingest.execute(new IngestArticleCommand({ text }, newCommandContext()));
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks every event before it appends, as ingest and the analyst writes do: a broken extractor writes nothing', async () => {
    // A polarity no reader knows (a new finding, so it would be appended): the stream would no longer decode.
    const broken: ClaimExtractor = {
      name: 'test-pledges', version: '3',
      extract: (article) => pledgeExtractor.extract(article).map((c) => ({ ...c, polarity: 'doubted' as never })),
    };
    const head = await store.headPosition();
    await expect(new ReextractArticlesHandler(store, broken).execute(new ReextractArticlesCommand(null, newCommandContext())))
      .rejects.toMatchObject({ kind: 'unprocessable', message: expect.stringMatching(/cannot be stored: polarity must be one of/) });
    expect(await store.headPosition()).toBe(head);
  });

  it('appends only the difference after a rule change, and nothing when run again', async () => {
    const handler = new ReextractArticlesHandler(store, stricter);
    const head = await store.headPosition();
    expect(await handler.execute(new ReextractArticlesCommand(null, newCommandContext()))).toEqual({ articles: 2, changed: 2, retracted: 2, added: 0 });
    const written = await store.readAll({ after: head });
    expect(written.map((e) => e.type)).toEqual(['ClaimRetracted', 'ClaimRetracted']);
    const after = await store.headPosition();
    expect(await handler.execute(new ReextractArticlesCommand(null, newCommandContext()))).toEqual({ articles: 2, changed: 0, retracted: 0, added: 0 });
    expect(await store.headPosition()).toBe(after);
  });
});

describe('reextract of every article on a sparse store', () => {
  it('lists articles past its first page of 5 000 events', async () => {
    const store = sparseStore();
    // 1 700 articles of three events: 5 100 events, two pages of the article list.
    await writeArticles(store, 1700);
    const summary = await new ReextractArticlesHandler(store, stricter).execute(new ReextractArticlesCommand(null, newCommandContext()));
    // The stricter rules keep neither pledge (no " to "): both are retracted in every article.
    expect(summary).toEqual({ articles: 1700, changed: 1700, retracted: 3400, added: 0 });
  });
});
