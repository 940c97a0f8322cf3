// The syndication index: each article's MinHash signature and story, and its LSH band hashes, in a
// SQLite file of its own beside the event store (DATA_DIR/syndication.sqlite). It is derived from
// the log and rebuilt from it (syndication.ts): a lost or stale file costs a catch-up, never a
// decision. Band rows are looked up by (band, hash) in the primary key, so finding candidates reads
// only the rows of the new article's 32 band hashes, never the whole table: ingest stays linear in
// the number of articles.
import Database from 'better-sqlite3';
import { limitPageCache } from '../common/sqlite-page-cache.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BodyFingerprint, CopyMatch, IndexedArticle } from '../domain/syndication/copy-rule.js';
import { estimatedJaccard } from '../domain/syndication/minhash.js';
import { BANDS } from '../domain/syndication/lsh.js';

interface ArticleRow {
  seq: number;
  article_id: string;
  story_id: string;
  signature: Buffer;
}

/** Pairs compared so far: each candidate a lookup returns is one pair compared. */
export interface IndexCounts {
  lookups: number;
  compared: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- seq: the order articles joined the index, so of equal matches the earliest wins.
  -- pending: claimed by an ingest whose append has not landed yet (see Syndication.recognise).
  CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL,
    signature BLOB NOT NULL, pending INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, hash INTEGER NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (band, hash, seq)) WITHOUT ROWID;`;

export const BUCKET_READ = 16;

const toBuffer = (signature: Uint32Array): Buffer => Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
const toSignature = (blob: Buffer): Uint32Array => new Uint32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));

export class StoryIndex {
  private readonly db: Database.Database;
  readonly counts: IndexCounts = { lookups: 0, compared: 0 };
  private readonly stmt;

  /** `file`: a path, or ':memory:'. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    // Derived data, rebuilt from the log: commits need not wait for the disk. The page cache's size
    // is part of the service's memory budget (see sqlite-page-cache.ts for why it is what it is).
    this.db.pragma('synchronous = NORMAL');
    limitPageCache(this.db, 'syndication');
    this.db.exec(SCHEMA);
    this.stmt = {
      // One statement for all bands (a call per band cost more than the look-ups themselves).
      candidates: this.db.prepare<number[], { seq: number }>(
        Array.from(
          { length: BANDS },
          (_, b) => `SELECT * FROM (SELECT seq FROM bands WHERE band = ${b} AND hash = ? ORDER BY seq DESC LIMIT ${BUCKET_READ})`,
        ).join(' UNION '),
      ),
      bySeq: this.db.prepare<[number], ArticleRow>('SELECT seq, article_id, story_id, signature FROM articles WHERE seq = ?'),
      byId: this.db.prepare<[string], ArticleRow & { pending: number }>(
        'SELECT seq, article_id, story_id, signature, pending FROM articles WHERE article_id = ?',
      ),
      insert: this.db.prepare<[string, string, Buffer, number]>('INSERT INTO articles (article_id, story_id, signature, pending) VALUES (?, ?, ?, ?)'),
      insertBands: this.db.prepare<Array<number | bigint>>(
        `INSERT OR IGNORE INTO bands (band, hash, seq) VALUES ${Array.from({ length: BANDS }, (_, b) => `(${b}, ?, ?)`).join(', ')}`,
      ),
      setStory: this.db.prepare<[string, string]>('UPDATE articles SET story_id = ? WHERE article_id = ?'),
      confirm: this.db.prepare<[string]>('UPDATE articles SET pending = 0 WHERE article_id = ?'),
      deleteBands: this.db.prepare<[number]>('DELETE FROM bands WHERE seq = ?'),
      deleteArticle: this.db.prepare<[number]>('DELETE FROM articles WHERE seq = ?'),
      pending: this.db.prepare<[], { article_id: string }>('SELECT article_id FROM articles WHERE pending = 1'),
      getMeta: this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** Runs `fn` in one write transaction, taken at once (BEGIN IMMEDIATE): a look-up and the insert it decides are atomic, across processes too. */
  exclusive<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * The indexed articles sharing a band hash with `bands`, earliest first: from each band's bucket,
   * the BUCKET_READ latest. A bucket that holds more is either a story republished many times (its
   * latest members are copies of it, as good a match as any) or text many different articles share
   * (a template, an outlet's boilerplate), where every extra member is a pair compared for nothing;
   * a copy shares several bands with what it copies (about 6 of 32 at similarity 0.65), most of
   * them in small buckets. So a look-up compares at most BANDS × BUCKET_READ pairs, however large
   * the index grows.
   */
  candidates(bands: Uint32Array): IndexedArticle[] {
    const seqs = this.stmt.candidates.all(...bands).map((r) => r.seq);
    const out = seqs
      .sort((x, y) => x - y)
      .map((seq) => this.stmt.bySeq.get(seq)!)
      .map((r) => ({ articleId: r.article_id, storyId: r.story_id, signature: toSignature(r.signature) }));
    this.counts.lookups++;
    this.counts.compared += out.length;
    return out;
  }

  /** A body as a copy of the story `storyId`, as alike as it is to that original. */
  copyOf(storyId: string, fingerprint: BodyFingerprint): CopyMatch {
    const original = this.stmt.byId.get(storyId);
    const similarity = original ? estimatedJaccard(fingerprint.signature, toSignature(original.signature)) : 0;
    return { originalArticleId: storyId, matchedArticleId: storyId, similarity };
  }

  /** The story of an indexed article, or null when it is not indexed. */
  storyOf(articleId: string): string | null {
    return this.stmt.byId.get(articleId)?.story_id ?? null;
  }

  /** Indexes an article once; false when it already was. */
  add(articleId: string, storyId: string, fingerprint: BodyFingerprint, pending = false): boolean {
    if (this.stmt.byId.get(articleId)) return false;
    const { lastInsertRowid } = this.stmt.insert.run(articleId, storyId, toBuffer(fingerprint.signature), pending ? 1 : 0);
    this.stmt.insertBands.run(...[...fingerprint.bands].flatMap((hash) => [hash, lastInsertRowid]));
    return true;
  }

  setStory(articleId: string, storyId: string): void {
    this.stmt.setStory.run(storyId, articleId);
  }

  /** The ingest that claimed it has appended it. */
  confirm(articleId: string): void {
    this.stmt.confirm.run(articleId);
  }

  /** The ingest that claimed it failed: it is not in the log, so nothing may be grouped with it. */
  remove(articleId: string): void {
    const row = this.stmt.byId.get(articleId);
    if (!row) return;
    this.exclusive(() => {
      this.stmt.deleteBands.run(row.seq);
      this.stmt.deleteArticle.run(row.seq);
    });
  }

  /** Articles claimed by ingests that never said whether their append landed (a crash between the two). */
  pending(): string[] {
    return this.stmt.pending.all().map((r) => r.article_id);
  }

  meta(key: string): string | null {
    return this.stmt.getMeta.get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.stmt.setMeta.run(key, value);
  }

  /** Empties the index: it was derived from another log. */
  clear(): void {
    this.db.exec('DELETE FROM bands; DELETE FROM articles; DELETE FROM meta;');
  }

  size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
