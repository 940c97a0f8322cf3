import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { limitPageCache } from '../../common/sqlite-page-cache.js';
import type { PositionedWrite, ReadModelCheckpoint, ReadModelReader, ReadModelStore, ReadModelTables, RebuildTarget } from '../read-model-store.js';
import { clearAll, createSchema } from './schema.js';
import { SqliteReader } from './sqlite-reader.js';
import { SqliteWriter } from './sqlite-writer.js';
import { StatementCache } from './statement-cache.js';
import { TableIds } from './table-ids.js';
import { asOfPosition, LIVE } from './temporal.js';

/** Where the service keeps its read models: one name, in DATA_DIR, beside the event store. */
export const readModelFile = (dataDir: string): string => join(dataDir, 'read-models.sqlite');

/** Reads see the last commit: WAL lets them run beside the open write transaction. */
const openReader = (file: string): Database.Database => {
  const db = new Database(file, { readonly: true });
  db.pragma('busy_timeout = 5000');
  limitPageCache(db, 'readModels');
  return db;
};

/** The connection that writes, with the schema made. */
const openWriter = (file: string): Database.Database => {
  const db = new Database(file);
  // The pages an open write transaction changes stay in this cache until its commit; in a small
  // one they spill to the WAL mid-transaction and are written again on each change.
  limitPageCache(db, 'readModelWriter');
  // Statement journals (a statement that may fail half-way inside the open transaction) and sorts'
  // temporary B-trees: SQLite writes them to temporary files by default. When every apply was a
  // savepoint, that was tens of MB a commit in /var/tmp; now they are a statement's pages at most.
  db.pragma('temp_store = MEMORY');
  createSchema(db);
  return db;
};

/** A store's only connection when another one writes: the schema made first, so that it can read before the first write. */
const openReadingOnly = (file: string): Database.Database => {
  const setup = new Database(file);
  createSchema(setup);
  setup.close();
  return openReader(file);
};

/** The primary keys of the terms tables (schema.ts). */
const TERM_KEYS = { live_terms: 'tid, term, sort, key', closed_terms: 'tid, term, sort, key, from_pos' } as const;

interface StoredCheckpoint {
  version: number;
  position: bigint;
  events: bigint;
}

/**
 * Where the store's writes run. `here`: this instance writes (the runner's writes in the event loop's
 * thread, and tests). `elsewhere`: another connection on the same file writes (the write worker,
 * projections/write-worker/), and this instance only reads: every write method throws.
 */
export interface SqliteReadModelStoreOptions {
  writes?: 'here' | 'elsewhere';
}

/**
 * The embedded read-model store: one SQLite file (WAL), every read model's rows in it. Applies are
 * held in one open transaction until `commit` (or any other write); readers use a second,
 * read-only connection, so they see committed rows only, never a batch half written.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;
  /** Null for ':memory:' (a second connection cannot see it): each apply then commits at once. */
  private readonly readDb: Database.Database | null;
  private readonly readStatements: StatementCache;
  private readonly ids: TableIds;
  private readonly liveReader: ReadModelReader;
  private readonly writesHere: boolean;
  /** The applies in the open transaction, in order (redoOpenApplies). */
  private openApplies: Array<() => void> = [];

  /** `file` is a path, or ':memory:' for tests. */
  constructor(file: string, readModels: readonly ReadModelTables[], { writes = 'here' }: SqliteReadModelStoreOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.writesHere = writes === 'here';
    if (!this.writesHere && file === ':memory:') throw new Error('an in-memory read-model store cannot be written from another connection');
    this.db = this.writesHere ? openWriter(file) : openReadingOnly(file);
    this.statements = new StatementCache(this.db);
    // Writing here, readers get a connection of their own; reading only, this one is theirs.
    this.readDb = !this.writesHere ? this.db : file === ':memory:' ? null : openReader(file);
    this.readStatements = this.readDb && this.readDb !== this.db ? new StatementCache(this.readDb) : this.statements;
    this.ids = new TableIds(this.db, readModels, this.writesHere);
    this.liveReader = new SqliteReader(this.readStatements, (table) => this.ids.tid(table), LIVE, this.ids);
  }

  checkpoint(readModel: string): ReadModelCheckpoint | null {
    return this.checkpointOf(readModel, this.ids.activeGeneration(readModel));
  }

  private checkpointOf(readModel: string, generation: number): ReadModelCheckpoint | null {
    const sql = 'SELECT version, position, events FROM checkpoints WHERE read_model = ? AND generation = ?';
    const row = this.db.prepare(sql).safeIntegers(true).get(readModel, generation) as StoredCheckpoint | undefined;
    return row ? { version: Number(row.version), position: row.position, events: Number(row.events) } : null;
  }

  apply(readModel: string, writes: readonly PositionedWrite[], checkpoint: ReadModelCheckpoint, target?: RebuildTarget): void {
    this.mustWriteHere();
    const run = (): void => this.applyNow(readModel, writes, checkpoint, target);
    if (!this.readDb) return this.db.transaction(run).immediate();
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.openApplies = [];
    }
    try {
      run();
    } catch (error) {
      this.redoOpenApplies(error as Error);
      throw error;
    }
    this.openApplies.push(run);
  }

  private applyNow(readModel: string, writes: readonly PositionedWrite[], checkpoint: ReadModelCheckpoint, target?: RebuildTarget): void {
    const generation = target?.generation ?? this.ids.activeGeneration(readModel);
    // Its own tables in the generation written; every other table as it is live.
    const writer = new SqliteWriter(
      this.statements,
      (table) => {
        const owner = this.ids.ownerOf(table);
        return owner === readModel ? this.ids.tid(table, generation) : this.ids.tid(table);
      },
      this.ids,
    );
    for (const positioned of writes) {
      writer.at(positioned.position);
      positioned.write(writer);
    }
    writer.finish();
    this.saveCheckpoint(readModel, generation, checkpoint);
  }

  /**
   * An apply threw: the open transaction is rolled back and the applies before it are made again,
   * so it leaves nothing of itself and keeps the others (the port's promise). Applies are not
   * savepoints, which would keep that promise for every apply: a savepoint's journal is a copy, in
   * memory, of every page the apply changes (tens of MB an apply at a million events), and the C
   * heap kept its largest size (README, "Memory after a load"). This costs only when one fails.
   */
  private redoOpenApplies(cause: Error): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    // Tables first written in the rolled-back transaction are in the cache, not in the file.
    this.ids.reset();
    const redo = this.openApplies;
    this.openApplies = [];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const run of redo) run();
    } catch (error) {
      this.db.exec('ROLLBACK');
      this.ids.reset();
      const lost = `the ${redo.length} applies since the last commit are lost (they replay from the checkpoints after a restart)`;
      throw new Error(`${cause.message}; redoing the applies before it failed too: ${(error as Error).message}; ${lost}`);
    }
    this.openApplies = redo;
  }

  commit(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.openApplies = [];
  }

  /** Forgets the generations it cached: another connection may have swapped one in, or cleared them. */
  refresh(): void {
    this.ids.reset();
  }

  private mustWriteHere(): void {
    if (!this.writesHere) throw new Error('this read-model store only reads: its writes run on another connection (the write worker)');
  }

  private saveCheckpoint(readModel: string, generation: number, { version, position, events }: ReadModelCheckpoint): void {
    this.statements
      .get(
        'INSERT INTO checkpoints (read_model, generation, version, position, events) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (read_model, generation) DO UPDATE SET version = excluded.version, position = excluded.position, events = excluded.events',
      )
      .run(readModel, generation, version, position, events);
  }

  reader(asOf?: bigint): ReadModelReader {
    return asOf === undefined ? this.liveReader : new SqliteReader(this.readStatements, (table) => this.ids.tid(table), asOfPosition(asOf), this.ids);
  }

  beginRebuild(readModel: string): RebuildTarget {
    this.mustWriteHere();
    const sql =
      'SELECT max(generation) FROM (SELECT generation FROM generations WHERE read_model = ? UNION SELECT generation FROM active WHERE read_model = ?)';
    const highest = (this.db.prepare(sql).pluck().get(readModel, readModel) as number | null) ?? this.ids.activeGeneration(readModel);
    return { readModel, generation: Math.max(highest, this.ids.activeGeneration(readModel)) + 1 };
  }

  finishRebuild(target: RebuildTarget): void {
    this.mustWriteHere();
    this.commit();
    this.db
      .transaction(() => {
        // A read model with no tables written still needs its ids so the swap is visible to reads.
        for (const table of this.ids.tablesOf(target.readModel)) this.ids.tid(table, target.generation);
        this.ids.setActive(target.readModel, target.generation);
        const insert = this.db.prepare('INSERT OR IGNORE INTO garbage (tid) VALUES (?)');
        for (const tid of this.ids.otherGenerations(target.readModel, target.generation)) insert.run(tid);
        this.db.prepare('DELETE FROM checkpoints WHERE read_model = ? AND generation <> ?').run(target.readModel, target.generation);
      })
      .immediate();
  }

  abandonRebuild(target: RebuildTarget): void {
    this.mustWriteHere();
    this.commit();
    this.db
      .transaction(() => {
        const sql = 'SELECT tid FROM generations WHERE read_model = ? AND generation = ?';
        for (const tid of this.db.prepare(sql).pluck().all(target.readModel, target.generation)) {
          this.db.prepare('INSERT OR IGNORE INTO garbage (tid) VALUES (?)').run(tid);
        }
        this.db.prepare('DELETE FROM checkpoints WHERE read_model = ? AND generation = ?').run(target.readModel, target.generation);
      })
      .immediate();
  }

  abandonUnfinishedRebuilds(readModel: string): void {
    this.mustWriteHere();
    const active = this.ids.activeGeneration(readModel);
    const sql =
      'SELECT DISTINCT generation FROM (SELECT generation FROM generations WHERE read_model = ? ' +
      'UNION SELECT generation FROM checkpoints WHERE read_model = ?) WHERE generation > ?';
    for (const generation of this.db.prepare(sql).pluck().all(readModel, readModel, active) as number[]) this.abandonRebuild({ readModel, generation });
  }

  collectGarbage(maxRows = 10_000): boolean {
    this.mustWriteHere();
    this.commit();
    const tid = this.db.prepare('SELECT tid FROM garbage LIMIT 1').pluck().get() as number | undefined;
    if (tid === undefined) return false;
    this.db
      .transaction(() => {
        const rows = this.db.prepare('DELETE FROM rows WHERE rowid IN (SELECT rowid FROM rows WHERE tid = ? LIMIT ?)').run(tid, maxRows).changes;
        const terms = (['live_terms', 'closed_terms'] as const).reduce((deleted, table) => deleted + this.deleteTermsOf(table, tid, maxRows), 0);
        const kept = this.deleteKeptOf(tid, maxRows);
        if (rows + terms + kept === 0) {
          this.db.prepare('DELETE FROM counted_tids WHERE tid = ?').run(tid);
          this.db.prepare('DELETE FROM bounded_tids WHERE tid = ?').run(tid);
          this.db.prepare('DELETE FROM garbage WHERE tid = ?').run(tid);
          this.db.prepare('DELETE FROM generations WHERE tid = ?').run(tid);
        }
      })
      .immediate();
    return true;
  }

  /** At most `maxRows` of a replaced table's terms, by primary key (their tables have no rowid). */
  private deleteTermsOf(table: keyof typeof TERM_KEYS, tid: number, maxRows: number): number {
    const key = TERM_KEYS[table];
    return this.db.prepare(`DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE tid = ? LIMIT ?)`).run(tid, maxRows).changes;
  }

  /** At most `maxRows` each of a replaced table's counts and sort bounds. */
  private deleteKeptOf(tid: number, maxRows: number): number {
    const counts = this.db.prepare('DELETE FROM term_counts WHERE (tid, term) IN (SELECT tid, term FROM term_counts WHERE tid = ? LIMIT ?)');
    const bounds = this.db.prepare('DELETE FROM sort_bounds WHERE (tid, pos) IN (SELECT tid, pos FROM sort_bounds WHERE tid = ? LIMIT ?)');
    return counts.run(tid, maxRows).changes + bounds.run(tid, maxRows).changes;
  }

  bindTo(storeIdentity: string): boolean {
    this.mustWriteHere();
    this.commit();
    const bound = this.db.prepare("SELECT value FROM meta WHERE key = 'store'").pluck().get() as string | undefined;
    if (bound === storeIdentity) return false;
    this.db
      .transaction(() => {
        if (bound !== undefined) clearAll(this.db);
        this.db.prepare("INSERT INTO meta (key, value) VALUES ('store', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(storeIdentity);
      })
      .immediate();
    this.ids.reset();
    return bound !== undefined;
  }

  close(): void {
    this.commit();
    this.readDb?.close();
    this.db.close();
  }
}
