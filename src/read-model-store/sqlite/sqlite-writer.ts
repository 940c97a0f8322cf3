import { isCountedTerm, type Find, type Found, type ReadModelWriter, type RowWrite, type Table } from '../read-model-store.js';
import { SqliteReader, type KeptTids, type TidOf } from './sqlite-reader.js';
import type { StatementCache } from './statement-cache.js';
import { SortsWritten } from './sort-bounds.js';
import { CountChanges } from './term-counts.js';
import { LIVE } from './temporal.js';

/** Which of a row's terms change a kept count (none where its tid is not counted). */
type Counting = (term: string) => boolean;
const COUNTS_NONE: Counting = () => false;

/** The terms a row version carries, with the sort they carry (0 in a Table.sortMoves table). */
interface CarriedTerms {
  sort: number;
  terms: readonly string[];
}

interface LiveRow {
  rowid: number;
  sort: number;
  doc: string;
  terms: string;
  from_pos: number;
}

/**
 * Keys and terms as SQLite stores them: a lone surrogate (text from anywhere, e.g. a title's
 * trigram) is written as U+FFFD, so two terms JavaScript tells apart could be one in the file, and
 * a row would then carry a term twice (a primary-key violation when it is ended).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

// A live row keeps its terms (a JSON array), so a put compares them, and ends those it drops by
// primary key, without reading the terms table (which has no index by key).
const termsOf = (joined: string): string[] => (joined ? (JSON.parse(joined) as string[]) : []);

/** The sort a row's terms carry: the row's, or none in a Table.sortMoves table. */
const termSortOf = (table: Table<unknown>, rowSort: number): number => (table.sortMoves ? 0 : rowSort);

/**
 * Writes at the position of the event being applied. Replacing a row closes its live version at
 * that position and opens a new one; a second write at the same position (one event touching a
 * row twice) updates the version in place, so no empty version is ever kept.
 *
 * A term is versioned when the row gains or loses it, and when the row's sort moves: each term
 * version carries the sort its row had while it held, so lists by a term, live or as of a
 * position, are read in index order. Tables whose sort is a moving count (Table.sortMoves) keep
 * no sort in their terms, so a moved count versions none of them.
 *
 * One writer lives for one transaction: it remembers the live row of every key it read or wrote,
 * so a read model that reads a row and then writes it costs one lookup, not three.
 */
export class SqliteWriter extends SqliteReader implements ReadModelWriter {
  private position = -1n;
  /** By tid and key: the live row, or null once known absent. */
  private readonly live = new Map<string, LiveRow | null>();
  private readonly counts = new CountChanges();
  private readonly sorts = new SortsWritten();

  constructor(statements: StatementCache, tidOf: TidOf, kept: KeptTids) {
    super(statements, tidOf, LIVE, kept);
  }

  /** Writes what the apply changed of the counts and sort bounds (before its checkpoint). */
  finish(): void {
    this.writeCounts();
    this.sorts.write(this.statements, this.position);
  }

  /** Writes the counted terms' changes so far (at the end, and before a find counts). */
  private writeCounts(): void {
    this.counts.write(this.statements);
  }

  override find<D>(query: Find<D>): Found<D> {
    if (query.count !== false) this.writeCounts();
    return super.find(query);
  }

  private countingOf(table: Table<unknown>, tid: number): Counting {
    return table.countedTerms?.length && this.kept.counted(tid) ? (term) => isCountedTerm(table, term) : COUNTS_NONE;
  }

  at(position: bigint): void {
    this.position = position;
  }

  override get<D>(table: Table<D>, key: string): D | undefined {
    const live = this.liveRow(this.tidOf(table), wellFormed(key));
    return live ? (JSON.parse(live.doc) as D) : undefined;
  }

  /** Through the remembered live rows: what this transaction wrote is read back without SQL. */
  override getMany<D>(table: Table<D>, keys: readonly string[]): Map<string, D> {
    const found = new Map<string, D>();
    for (const key of new Set(keys)) {
      const doc = this.get(table, key);
      if (doc !== undefined) found.set(key, doc);
    }
    return found;
  }

  put<D>(table: Table<D>, row: RowWrite<D>): void {
    const tid = this.tidOf(table);
    const doc = JSON.stringify(row.doc);
    const sort = row.sort ?? 0;
    const key = wellFormed(row.key);
    const terms = [...new Set((row.terms ?? []).map(wellFormed))];
    const joined = terms.length ? JSON.stringify(terms) : '';
    const live = this.liveRow(tid, key);
    if (live && live.doc === doc && live.sort === sort && live.terms === joined) return;
    if (this.kept.bounded(tid)) this.sorts.add(tid, sort);
    if (live && BigInt(live.from_pos) === this.position) {
      this.statements.get('UPDATE rows SET doc = ?, sort = ?, terms = ? WHERE rowid = ?').run(doc, sort, joined, live.rowid);
      this.remember(tid, key, { ...live, doc, sort, terms: joined });
    } else {
      if (live) this.close(live.rowid);
      const inserted = this.statements
        .get('INSERT INTO rows (tid, key, sort, doc, terms, from_pos) VALUES (?, ?, ?, ?, ?, ?)')
        .run(tid, key, sort, doc, joined, this.position);
      this.remember(tid, key, { rowid: Number(inserted.lastInsertRowid), sort, doc, terms: joined, from_pos: Number(this.position) });
    }
    const now = { sort: termSortOf(table, sort), terms };
    const counting = this.countingOf(table, tid);
    if (!live) this.addTerms(tid, key, now.sort, terms, counting);
    else if (live.terms !== joined || termSortOf(table, live.sort) !== now.sort)
      this.replaceTerms(tid, key, { sort: termSortOf(table, live.sort), terms: termsOf(live.terms) }, now, counting);
  }

  remove<D>(table: Table<D>, given: string): void {
    const tid = this.tidOf(table);
    const key = wellFormed(given);
    const live = this.liveRow(tid, key);
    if (!live) return;
    if (BigInt(live.from_pos) === this.position) this.statements.get('DELETE FROM rows WHERE rowid = ?').run(live.rowid);
    else this.close(live.rowid);
    this.remember(tid, key, null);
    this.replaceTerms(tid, key, { sort: termSortOf(table, live.sort), terms: termsOf(live.terms) }, { sort: 0, terms: [] }, this.countingOf(table, tid));
  }

  private liveRow(tid: number, key: string): LiveRow | null {
    const known = this.live.get(`${tid}|${key}`);
    if (known !== undefined) return known;
    const sql = 'SELECT rowid, sort, doc, terms, from_pos FROM rows WHERE tid = ? AND key = ? AND to_pos IS NULL';
    const found = (this.statements.get(sql).get(tid, key) as LiveRow | undefined) ?? null;
    this.remember(tid, key, found);
    return found;
  }

  private remember(tid: number, key: string, row: LiveRow | null): void {
    this.live.set(`${tid}|${key}`, row);
  }

  /** A closed version keeps no terms: only a live row's are compared (half the rows table's bytes were terms). */
  private close(rowid: number): void {
    this.statements.get("UPDATE rows SET to_pos = ?, terms = '' WHERE rowid = ?").run(this.position, rowid);
  }

  private addTerms(tid: number, key: string, sort: number, terms: readonly string[], counting: Counting): void {
    const insert = this.statements.get('INSERT INTO live_terms (tid, term, sort, key, from_pos) VALUES (?, ?, ?, ?, ?)');
    for (const term of terms) {
      insert.run(tid, term, sort, key, this.position);
      if (counting(term)) this.counts.add(tid, term, 1);
    }
  }

  /**
   * Ends the terms no longer carried and adds the new ones. When the sort moved, every term ends
   * and comes back with the new sort. An ended term moves to the closed terms with its sort,
   * unless it was added at this same position (it then never held).
   */
  private replaceTerms(tid: number, key: string, was: CarriedTerms, now: CarriedTerms, counting: Counting): void {
    const resorted = was.sort !== now.sort;
    const wanted = new Set(now.terms);
    const kept = new Set<string>();
    const end = this.statements.get('DELETE FROM live_terms WHERE tid = ? AND term = ? AND sort = ? AND key = ? RETURNING from_pos');
    for (const term of was.terms) {
      if (wanted.has(term) && !resorted) {
        kept.add(term);
        continue;
      }
      const ended = end.get(tid, term, was.sort, key) as { from_pos: number };
      if (counting(term)) this.counts.add(tid, term, -1);
      if (BigInt(ended.from_pos) === this.position) continue;
      this.statements
        .get('INSERT INTO closed_terms (tid, term, sort, key, from_pos, to_pos) VALUES (?, ?, ?, ?, ?, ?)')
        .run(tid, term, was.sort, key, ended.from_pos, this.position);
    }
    this.addTerms(
      tid,
      key,
      now.sort,
      now.terms.filter((term) => !kept.has(term)),
      counting,
    );
  }
}
