import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  checkExpectedRevision, NO_STREAM,
  type AppendResult, type EventToAppend, type ExpectedRevision,
} from '../event-store.js';

export type AppendToStream = (stream: string, events: EventToAppend[], expected: ExpectedRevision) => AppendResult;

export const appendToStream = (db: Database.Database): AppendToStream => {
  const head = db.prepare('SELECT max(revision) AS revision FROM events WHERE stream = ?').safeIntegers(true);
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).safeIntegers(true);

  const append = db.transaction((stream: string, events: EventToAppend[], expected: ExpectedRevision): AppendResult => {
    const current = (head.get(stream) as { revision: bigint | null }).revision;
    checkExpectedRevision(stream, expected, current ?? NO_STREAM);
    let revision = current ?? -1n;
    let position = -1n;
    const created = Date.now();
    for (const event of events) {
      revision += 1n;
      const info = insert.run(
        stream, revision, event.id ?? randomUUID(), event.type,
        JSON.stringify(event.data ?? null), JSON.stringify(event.metadata ?? {}), created,
      );
      position = BigInt(info.lastInsertRowid);
    }
    return { nextExpectedRevision: revision, position };
  });

  // IMMEDIATE takes the write lock up front, so two writers never both read the same head
  // and then fail late with SQLITE_BUSY on upgrade; the busy timeout queues them instead.
  return (stream, events, expected) => append.immediate(stream, events, expected);
};

export interface PendingAppend {
  stream: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Several appends in one transaction, so one commit (one fsync) covers them all. Each append runs
 * in its own savepoint (better-sqlite3 nests transactions that way): one that fails, such as a
 * wrong expected revision, is undone alone and the others still commit, each all or nothing.
 */
export const appendBatch = (db: Database.Database): ((items: PendingAppend[]) => AppendOutcome[]) => {
  const one = appendToStream(db);
  const batch = db.transaction((items: PendingAppend[]): AppendOutcome[] =>
    items.map(({ stream, events, expected }) => {
      try {
        return { ok: true, result: one(stream, events, expected) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  return (items) => batch.immediate(items);
};
