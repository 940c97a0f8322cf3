import type Database from 'better-sqlite3';
import type { ReadModelTables, Table } from '../read-model-store.js';

/** A list of tids in its own table (counted_tids, bounded_tids), read through a cache. */
class TidList {
  private readonly known = new Map<number, boolean>();
  private readonly select;
  private readonly insert;

  constructor(db: Database.Database, table: 'counted_tids' | 'bounded_tids') {
    this.select = db.prepare(`SELECT 1 FROM ${table} WHERE tid = ?`).pluck();
    this.insert = db.prepare(`INSERT OR IGNORE INTO ${table} (tid) VALUES (?)`);
  }

  has(tid: number): boolean {
    let listed = this.known.get(tid);
    if (listed === undefined) this.known.set(tid, (listed = this.select.get(tid) !== undefined));
    return listed;
  }

  /** A tid just created: listed or not, from its first row. */
  created(tid: number, listed: boolean): void {
    if (listed) this.insert.run(tid);
    this.known.set(tid, listed);
  }

  forget(): void {
    this.known.clear();
  }
}

/** The id a reading connection gives a table no row was written to yet: it matches no row. */
export const NO_TID = -1;

/**
 * Maps a table name to the read model that owns it and the numeric id (`tid`) of its active or
 * rebuilding generation. Active generations are cached; they change only in finishRebuild. A tid
 * created for a table with counted terms is listed in counted_tids (schema.ts): it is counted from
 * its first row; every tid created is listed in bounded_tids: its sort bounds are kept from then.
 */
export class TableIds {
  private readonly owners = new Map<string, string>();
  /** The tables as their read models declared them (with their options), by name. */
  private readonly declared = new Map<string, Table<unknown>>();
  /** Tids whose counted terms and sort bounds are kept (a tid is never listed later than it was created). */
  private readonly countedTids: TidList;
  private readonly boundedTids: TidList;
  private readonly active = new Map<string, number>();
  private readonly tids = new Map<string, number>();
  private readonly selectTid;
  private readonly insertTid;
  private readonly selectActive;

  /** `creates`: false on a connection that only reads (another one writes): an id not made yet is NO_TID. */
  constructor(
    private readonly db: Database.Database,
    readModels: readonly ReadModelTables[],
    private readonly creates = true,
  ) {
    for (const { name, tables } of readModels) {
      for (const { name: table } of tables) {
        const owner = this.owners.get(table);
        if (owner) throw new Error(`table ${table} belongs to both ${owner} and ${name}`);
        this.owners.set(table, name);
      }
      for (const table of tables) this.declared.set(table.name, table);
    }
    this.selectTid = db.prepare('SELECT tid FROM generations WHERE read_model = ? AND tbl = ? AND generation = ?').pluck();
    this.insertTid = db.prepare('INSERT INTO generations (read_model, tbl, generation) VALUES (?, ?, ?)');
    this.selectActive = db.prepare('SELECT generation FROM active WHERE read_model = ?').pluck();
    this.countedTids = new TidList(db, 'counted_tids');
    this.boundedTids = new TidList(db, 'bounded_tids');
  }

  ownerOf({ name: table }: Table<unknown>): string {
    const owner = this.owners.get(table);
    if (!owner) throw new Error(`no read model owns a table named ${table}`);
    return owner;
  }

  tablesOf(readModel: string): Table<unknown>[] {
    return [...this.owners].filter(([, owner]) => owner === readModel).map(([name]) => this.declared.get(name)!);
  }

  /** The active generation of a read model (1 until its first rebuild). */
  activeGeneration(readModel: string): number {
    let generation = this.active.get(readModel);
    if (generation === undefined) {
      generation = (this.selectActive.get(readModel) as number | undefined) ?? 1;
      this.active.set(readModel, generation);
    }
    return generation;
  }

  setActive(readModel: string, generation: number): void {
    this.db
      .prepare('INSERT INTO active (read_model, generation) VALUES (?, ?) ON CONFLICT (read_model) DO UPDATE SET generation = excluded.generation')
      .run(readModel, generation);
    this.active.set(readModel, generation);
  }

  /** The id of a table in a generation (the active one by default), created on first use. */
  tid(table: Table<unknown>, generation = this.activeGeneration(this.ownerOf(table))): number {
    const readModel = this.ownerOf(table);
    const cacheKey = `${table.name}\u0000${generation}`;
    let tid = this.tids.get(cacheKey);
    if (tid === undefined) {
      tid = this.selectTid.get(readModel, table.name, generation) as number | undefined;
      // Not cached: the writing connection may make it at any commit.
      if (tid === undefined && !this.creates) return NO_TID;
      if (tid === undefined) tid = this.create(readModel, table.name, generation);
      this.tids.set(cacheKey, tid);
    }
    return tid;
  }

  /** True when the store keeps the live counts of the tid's counted terms (term_counts). */
  counted(tid: number): boolean {
    return this.countedTids.has(tid);
  }

  /** True when the store keeps the tid's sort bounds (sort_bounds). */
  bounded(tid: number): boolean {
    return this.boundedTids.has(tid);
  }

  private create(readModel: string, table: string, generation: number): number {
    const tid = Number(this.insertTid.run(readModel, table, generation).lastInsertRowid);
    this.countedTids.created(tid, (this.declared.get(table)?.countedTerms?.length ?? 0) > 0);
    this.boundedTids.created(tid, true);
    return tid;
  }

  /** Ids of every generation of a read model's tables but the given one. */
  otherGenerations(readModel: string, keep: number): number[] {
    return this.db.prepare('SELECT tid FROM generations WHERE read_model = ? AND generation <> ?').pluck().all(readModel, keep) as number[];
  }

  /** Forgets cached ids (after the tables were cleared). */
  reset(): void {
    this.active.clear();
    this.tids.clear();
    this.countedTids.forget();
    this.boundedTids.forget();
  }
}
