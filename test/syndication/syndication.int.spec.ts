// Recognition at ingest, through the real handler on a SQLite event store, and the index file
// beside it: copies recorded in their streams, the index surviving restarts, rebuilt from the log
// when lost, places of failed ingests given back, and only articles sharing a band compared.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/app/config.js';
import { IngestArticleCommand } from '../../src/articles/ingesting-article/ingest-article.command.js';
import { IngestArticleHandler } from '../../src/articles/ingesting-article/ingest-article.handler.js';
import { articleStream } from '../../src/domain/ids.js';
import { newCommandContext } from '../../src/domain/events/index.js';
import { fingerprintOf } from '../../src/domain/syndication/copy-rule.js';
import { StoreUnavailableError } from '../../src/event-store/event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { PageFetcher } from '../../src/inputs/fetching/page-fetcher.js';
import { StoryIndex } from '../../src/syndication/story-index.js';
import { Syndication } from '../../src/syndication/syndication.js';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { fixtureBody, fixtureText, type FixtureName } from './fixtures.js';

let dir: string;
let store: SqliteEventStore;
const indexFile = () => join(dir, 'syndication.sqlite');

const open = async (): Promise<{ syndication: Syndication; ingest: (name: FixtureName) => Promise<string> }> => {
  const syndication = new Syndication(new StoryIndex(indexFile()));
  await syndication.catchUp(store);
  const handler = new IngestArticleHandler(store, pledgeExtractor, new PageFetcher(loadConfig({})), syndication);
  const ingest = async (name: FixtureName) => (await handler.execute(new IngestArticleCommand({ text: fixtureText(name) }, newCommandContext()))).articleId;
  return { syndication, ingest };
};

/** What the log says of an article: the original its stream records it a copy of, or null. */
const recordedCopyOf = async (articleId: string): Promise<string | null> => {
  const events = await store.readStream(articleStream(articleId));
  expect(events.filter((e) => e.type === 'CopyRecognised').length).toBeLessThanOrEqual(1);
  const copy = events.find((e) => e.type === 'CopyRecognised');
  if (copy) expect(copy.revision).toBe(1n);
  return copy ? (copy.data as { originalArticleId: string }).originalArticleId : null;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrail-syndication-'));
  store = new SqliteEventStore(join(dir, 'claimtrail.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recognising copies at ingest', () => {
  it('records each copy in its own stream, right after ArticleIngested, as a copy of the original; the unrelated story is none', async () => {
    const { syndication, ingest } = await open();
    const original = await ingest('original');
    const unrelated = await ingest('unrelated');
    const harbour = await ingest('copy-harbour');
    const evening = await ingest('copy-evening');
    expect(await recordedCopyOf(original)).toBeNull();
    expect(await recordedCopyOf(unrelated)).toBeNull();
    expect(await recordedCopyOf(harbour)).toBe(original);
    expect(await recordedCopyOf(evening)).toBe(original);
    const copy = (await store.readStream(articleStream(harbour)))[1].data as { similarity: number };
    expect(copy.similarity).toBeGreaterThanOrEqual(0.5);
    // Four look-ups; the unrelated story shares no band with anything, so at most the three of the story were compared.
    expect(syndication.index.counts).toEqual({ lookups: 4, compared: expect.any(Number) });
    expect(syndication.index.counts.compared).toBeLessThanOrEqual(3);
    expect(syndication.index.pending()).toEqual([]);
    // A withdrawn copy ingested again (forced) is recorded again as the copy it was.
    expect(syndication.recognise(harbour, fixtureBody('copy-harbour'))).toEqual({
      copy: { originalArticleId: original, matchedArticleId: original, similarity: copy.similarity },
      claimed: false,
    });
    expect(syndication.recognise(original, fixtureBody('original'))).toEqual({ copy: null, claimed: false });
    syndication.index.close();
  });

  it('makes the first ingested article of a group its original, even a copy that came before the wire original', async () => {
    const { syndication, ingest } = await open();
    const harbour = await ingest('copy-harbour');
    const original = await ingest('original');
    const evening = await ingest('copy-evening');
    expect(await recordedCopyOf(original)).toBe(harbour);
    // Evening is most alike the original, which is itself in harbour's story: the story is harbour's.
    expect(await recordedCopyOf(evening)).toBe(harbour);
    syndication.index.close();
  });

  it('groups copies ingested at the same time', async () => {
    const { syndication, ingest } = await open();
    const ids = await Promise.all((['original', 'copy-harbour', 'copy-evening'] as const).map(ingest));
    const copies = await Promise.all(ids.map(recordedCopyOf));
    expect(copies.filter((c) => c === null)).toHaveLength(1);
    const story = ids[copies.indexOf(null)];
    expect(copies.filter((c) => c === story)).toHaveLength(2);
    syndication.index.close();
  });

  it('survives a restart, and is rebuilt from the log with the same stories when its file is lost', async () => {
    let { syndication, ingest } = await open();
    const original = await ingest('original');
    await ingest('unrelated');
    const harbour = await ingest('copy-harbour');
    syndication.index.close();

    ({ syndication, ingest } = await open());
    expect(syndication.index.size()).toBe(3);
    expect(await recordedCopyOf(await ingest('copy-evening'))).toBe(original);
    syndication.index.close();

    rmSync(indexFile());
    const rebuilt = new Syndication(new StoryIndex(indexFile()));
    expect(await rebuilt.catchUp(store)).toEqual({ indexed: 4 });
    expect([rebuilt.index.storyOf(original), rebuilt.index.storyOf(harbour)]).toEqual([original, original]);
    // Caught up: a second catch-up reads nothing new.
    expect(await rebuilt.catchUp(store)).toEqual({ indexed: 0 });
    rebuilt.index.close();

    // As the service starts: the catch-up runs behind, and an ingest waits for it before deciding.
    rmSync(indexFile());
    const following = new Syndication(new StoryIndex(indexFile()));
    following.follow(store);
    const handler = new IngestArticleHandler(store, pledgeExtractor, new PageFetcher(loadConfig({})), following);
    const retyped = fixtureText('copy-harbour').replace('two weeks', 'a fortnight');
    const { articleId } = await handler.execute(new IngestArticleCommand({ text: retyped }, newCommandContext()));
    expect(await recordedCopyOf(articleId)).toBe(original);
    await following.stop();
    following.index.close();
  });

  it('gives the event loop a turn after each page of its catch-up, so a service starting over a long log answers meanwhile', async () => {
    const { syndication } = await open();
    const pledges = Array.from({ length: 150 }, (_, i) => `Testland pledged aid package number ${i}.`).join(' ');
    const handler = new IngestArticleHandler(store, pledgeExtractor, new PageFetcher(loadConfig({})), syndication);
    await handler.execute(new IngestArticleCommand({ text: `title: Many pledges\n\n${pledges}` }, newCommandContext()));
    syndication.index.close();
    rmSync(indexFile());

    // Over 100 events (a page): without a turn, the store's reads resolve as microtasks and timers,
    // requests and /health wait for the whole catch-up (a 1 000 000-event log held `listen` minutes).
    const rebuilt = new Syndication(new StoryIndex(indexFile()));
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    expect(await rebuilt.catchUp(store)).toEqual({ indexed: 1 });
    clearInterval(counting);
    expect(turns).toBeGreaterThanOrEqual(1);
    rebuilt.index.close();
  });

  it('gives back the place of an ingest whose append never landed, at once or at the next start', async () => {
    const { syndication } = await open();
    const body = fixtureBody('original');
    expect(syndication.recognise('0123456789abcdef0123', body)).toEqual({ copy: null, claimed: true });
    syndication.settle('0123456789abcdef0123', false);
    expect(syndication.index.size()).toBe(0);
    // A crash between the claim and the append: the place is pending, and the log has no such article.
    syndication.index.add('fedcba98765432100000', 'fedcba98765432100000', fingerprintOf(body)!, true);
    syndication.index.close();
    const { syndication: restarted, ingest } = await open();
    expect(restarted.index.size()).toBe(0);
    expect(await recordedCopyOf(await ingest('copy-harbour'))).toBeNull();
    restarted.index.close();
  });

  it('tries a failed catch-up again at the next ingest, which waits for it', async () => {
    const { syndication, ingest } = await open();
    const original = await ingest('original');
    syndication.index.close();
    rmSync(indexFile());
    // The store does not answer the first catch-up.
    let refusals = 1;
    const flaky = Object.create(store, {
      logId: { value: () => (refusals-- > 0 ? Promise.reject(new StoreUnavailableError('the store did not answer')) : store.logId()) },
    }) as SqliteEventStore;
    const following = new Syndication(new StoryIndex(indexFile()));
    following.follow(flaky);
    const handler = new IngestArticleHandler(store, pledgeExtractor, new PageFetcher(loadConfig({})), following);
    const { articleId } = await handler.execute(new IngestArticleCommand({ text: fixtureText('copy-evening') }, newCommandContext()));
    expect(await recordedCopyOf(articleId)).toBe(original);
    expect(refusals).toBe(-1);
    await following.stop();
    following.index.close();
  });

  it('starts afresh on the index of another log', async () => {
    const { syndication, ingest } = await open();
    await ingest('original');
    syndication.index.close();
    await store.close();
    rmSync(join(dir, 'claimtrail.sqlite'));
    store = new SqliteEventStore(join(dir, 'claimtrail.sqlite'));
    const { syndication: other, ingest: ingestOther } = await open();
    expect(other.index.size()).toBe(0);
    expect(await recordedCopyOf(await ingestOther('copy-harbour'))).toBeNull();
    other.index.close();
  });
});
