import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestArticleCommand } from '../../src/articles/ingesting-article/ingest-article.command.js';
import { IngestArticleHandler } from '../../src/articles/ingesting-article/ingest-article.handler.js';
import { ReextractArticlesCommand } from '../../src/articles/reextracting-article/reextract-articles.command.js';
import { ReextractArticlesHandler } from '../../src/articles/reextracting-article/reextract-articles.handler.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import { newCommandContext } from '../../src/domain/events/index.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { pledgeExtractor } from '../support/fake-extractor.js';

/** A stricter rule change: only pledges that name what is pledged "to" something. */
const stricter: ClaimExtractor = {
  name: 'test-pledges',
  version: '2',
  extract: (article) => pledgeExtractor.extract(article).filter((c) => / to /.test(c.evidence.text)),
};

describe('reextract over a SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrail-reextract-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const ingest = new IngestArticleHandler(store, pledgeExtractor);
    for (const text of ['Ruritania pledged to open the port. Genovia pledged calm.', 'Zubrowka pledged support. Nothing else happened.']) {
      await ingest.execute(new IngestArticleCommand({ text }, newCommandContext()));
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends only the difference after a rule change, and nothing when run again', async () => {
    const handler = new ReextractArticlesHandler(store, stricter);
    const head = await store.headPosition();
    expect(await handler.execute(new ReextractArticlesCommand(null, newCommandContext()))).toEqual({ articles: 2, changed: 2, retracted: 2, added: 0 });
    const written = await store.readAll({ fromPosition: head + 1n });
    expect(written.map((e) => e.type)).toEqual(['ClaimRetracted', 'ClaimRetracted']);
    const after = await store.headPosition();
    expect(await handler.execute(new ReextractArticlesCommand(null, newCommandContext()))).toEqual({ articles: 2, changed: 0, retracted: 0, added: 0 });
    expect(await store.headPosition()).toBe(after);
  });
});
