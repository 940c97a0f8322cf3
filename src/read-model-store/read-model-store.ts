// The read-model store port. Read models keep their rows here instead of in the heap: each row is
// a JSON document under a key, with a sort value and index terms, and every version of it is kept
// with the log positions it held between (temporal rows), so a query `asOf` a position is an
// indexed query, not a replay. The SQL lives in the adapters (sqlite/ today; a PostgreSQL adapter
// would implement the same interface), so a read model's meaning never depends on the engine.

/**
 * A table of one read model, with the type of its docs: declared once (`defineTable`), so every
 * read and write of it is typed from that declaration and no caller casts what it reads.
 */
export interface Table<D> {
  readonly name: string;
  /**
   * Its rows' sort moves with most writes (a count) and a term selects a few hundred rows at most
   * (the parties, the sources): its terms do not carry the sort, so a moved count rewrites no
   * term, and a list by term is sorted as it is read. Leave it unset where a term's rows are many.
   */
  readonly sortMoves?: boolean;
  /**
   * Term prefixes whose rows the store keeps counted, live: a find by one such term alone (no
   * range, no other term) is counted by one lookup, not by reading the term's rows (120 000 of a
   * party's conflicts at a million events took 35-150 ms a request). For terms of many rows that
   * lists filter by; changing them needs the read model's version raised (its rows rebuilt).
   */
  readonly countedTerms?: readonly string[];
  /** Never set: carries the doc type. */
  readonly doc?: D;
}

export const defineTable = <D>(name: string, options: Pick<Table<D>, 'sortMoves' | 'countedTerms'> = {}): Table<D> => ({ name, ...options });

/** True when `term` starts with one of the table's counted prefixes (Table.countedTerms). */
export const isCountedTerm = (table: Table<unknown>, term: string): boolean => (table.countedTerms ?? []).some((prefix) => term.startsWith(prefix));

/** A row as a query returns it. */
export interface Row<D> {
  key: string;
  doc: D;
  sort: number;
}

/** What a read model writes: the whole row; the store keeps the version it replaces. */
export interface RowWrite<D> {
  key: string;
  doc: D;
  /** What lists order by and `from`/`to` ranges filter on (epoch ms, a count...); 0 when absent. */
  sort?: number;
  /** Index terms, e.g. `actor:pakistan`: finds select rows by them. */
  terms?: readonly string[];
}

/** A selection of one table's rows by their terms and sort value. */
export interface Selection<D = unknown> {
  table: Table<D>;
  /** The row carries every one of these terms (the first should be the rarest: it drives the scan). */
  all?: readonly string[];
  /** For each group, the row carries at least one of its terms. */
  any?: readonly (readonly string[])[];
  /** The row carries none of these terms. */
  none?: readonly string[];
  /** Inclusive bounds on the sort value. */
  from?: number;
  to?: number;
}

export interface Find<D = unknown> extends Selection<D> {
  /** By sort value, then key; default 'asc'. */
  order?: 'asc' | 'desc';
  offset?: number;
  /** 0 counts only. */
  limit?: number;
  /**
   * false: rows only, not counted (`total` is then -1). For a read model that keeps the count of
   * a list in a row its apply updates: counting a term's rows grows with them (issue 15).
   */
  count?: boolean;
}

export interface Found<D> {
  rows: Row<D>[];
  /** Rows matching, across all pages; -1 when the find asked for no count. */
  total: number;
}

export interface TermCount {
  term: string;
  count: number;
}

/** Reads at one point of knowledge: live, or as of a log position. */
export interface ReadModelReader {
  get<D>(table: Table<D>, key: string): D | undefined;
  getMany<D>(table: Table<D>, keys: readonly string[]): Map<string, D>;
  find<D>(query: Find<D>): Found<D>;
  /**
   * The keys of the selected rows, in key order, without their docs: read from the terms alone
   * when the selection is by a term (a list of claim ids a response carries costs no JSON). With
   * `limit`, the first that many.
   */
  keys<D>(selection: Selection<D>, limit?: number): string[];
  /** How many selected rows carry each term that starts with `prefix`, most first (ties by term). */
  countTerms<D>(selection: Selection<D>, prefix: string, limit?: number): TermCount[];
}

/** What a read model's `apply` gets: reads see its own writes, within one transaction. */
export interface ReadModelWriter extends ReadModelReader {
  put<D>(table: Table<D>, row: RowWrite<D>): void;
  remove<D>(table: Table<D>, key: string): void;
}

/** Where a read model stands: saved in the same transaction as the rows it describes. */
export interface ReadModelCheckpoint {
  /** The read model's version its rows were written by. */
  version: number;
  /** The last log position applied (-1 before any). */
  position: bigint;
  /** Article events at or before the position (a count; a position is only a cursor). */
  events: number;
}

export interface ReadModelTables {
  /** The read model's name. */
  name: string;
  /** The tables it owns; every table belongs to exactly one read model. */
  tables: readonly Table<unknown>[];
}

/** One event's worth of writes, stamped with its log position. */
export interface PositionedWrite {
  position: bigint;
  write(writer: ReadModelWriter): void;
}

export interface ReadModelStore {
  /** The active rows' checkpoint, or null when the read model has none yet. */
  checkpoint(readModel: string): ReadModelCheckpoint | null;
  /**
   * Applies the writes in order, each stamped with its position, and saves the checkpoint, all in
   * one transaction: a crash never leaves rows ahead of or behind their checkpoint. A store may
   * hold applies open until `commit` (readers see them then, a crash loses them together): each
   * commit writes every page its applies changed, so rare commits are what makes writing fast.
   * An apply that throws leaves nothing of itself and keeps the applies before it.
   */
  apply(readModel: string, writes: readonly PositionedWrite[], checkpoint: ReadModelCheckpoint, target?: RebuildTarget): void;
  /** Makes every apply so far durable and visible to readers. Every other write commits them first. */
  commit(): void;
  /** Forgets what it cached of the active generations: another connection swapped one in, or cleared them. */
  refresh(): void;
  /** Live reads, or as of a log position (rows as they were once every event up to it was applied). */
  reader(asOf?: bigint): ReadModelReader;
  /** Fresh, empty tables for a rebuild from position 0, written beside the active ones. */
  beginRebuild(readModel: string): RebuildTarget;
  /** The rebuilt tables become the active ones, in one step; the old ones are dropped after. */
  finishRebuild(target: RebuildTarget): void;
  /** Drops a rebuild that failed. */
  abandonRebuild(target: RebuildTarget): void;
  /** Drops the rebuilds of a read model left unfinished by a crash (at start, before any new one). */
  abandonUnfinishedRebuilds(readModel: string): void;
  /** Deletes some of the rows of replaced tables; false when none are left (call it when idle). */
  collectGarbage(maxRows?: number): boolean;
  /**
   * Ties the store to one event log: rows built from another log are dropped. True when they
   * were (the read models then rebuild from position 0).
   */
  bindTo(storeIdentity: string): boolean;
  close(): void;
}

/** A rebuild's own generation of a read model's tables. */
export interface RebuildTarget {
  readModel: string;
  generation: number;
}
