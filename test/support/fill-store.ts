import Database from 'better-sqlite3';
import { articleFromInput, ingestEvents } from '../../src/articles/ingesting-article/ingest-article.js';
import type { ClaimExtractor } from '../../src/domain/claim-extractor.js';
import { newCommandContext, toAppend } from '../../src/domain/events/index.js';
import { articleStream } from '../../src/domain/ids.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';

/**
 * The rows the SQLite adapter writes, inserted in one transaction: a store of tens of thousands
 * of events in seconds, without paying an fsync per article. Returns the number of events.
 */
export const fillStore = (file: string, texts: readonly string[], extractorFor: (i: number) => ClaimExtractor): number => {
  // Only its schema is wanted; the close of a store that never opened a write is immediate.
  void new SqliteEventStore(file).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let count = 0;
  db.transaction(() => {
    texts.forEach((text, i) => {
      const events = ingestEvents(articleFromInput({ text }), extractorFor(i));
      toAppend(events, newCommandContext(), 0n).forEach((e, revision) => {
        insert.run(articleStream(events[0].data.articleId), revision, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), Date.now());
        count++;
      });
    });
  })();
  // Everything into the main file: tests copy it, and a WAL left beside it would not go along.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return count;
};
