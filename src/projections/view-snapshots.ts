import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreIdentity } from '../event-store/event-store.js';

/** Where the service and the `replay` command keep the snapshots: one name, in DATA_DIR. */
export const snapshotFile = (dataDir: string): string => join(dataDir, 'views.sqlite');

export interface Snapshot {
  /** The read model's version it was saved under (0: saved before versions were recorded). */
  version: number;
  checkpoint: bigint;
  /** Article events at or before the checkpoint (a count; the checkpoint is only a cursor). */
  events: number;
  state: unknown;
}

export interface SnapshotToSave {
  name: string;
  version: number;
  checkpoint: bigint;
  events?: number;
  state: unknown;
}

/** Entries of a big encoded Map per row: no single JSON text nears V8's longest string (~512 MiB). */
const ENTRIES_PER_PART = 20_000;
const MAP_TAG = '$map';

type Part = { field: string; seq: number; kind: 'value' | 'entries'; json: string };

/**
 * An encoded state (see json-state.ts) as rows: one per top-level field, and a big encoded Map's
 * entries split over several rows. A view of a million events serialised as one JSON text threw
 * "Invalid string length".
 */
const toParts = (state: unknown): Part[] => {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return [{ field: '', seq: 0, kind: 'value', json: JSON.stringify(state) }];
  const parts: Part[] = [];
  for (const [field, value] of Object.entries(state as Record<string, unknown>)) {
    const entries = (value as Record<string, unknown> | null)?.[MAP_TAG];
    if (Array.isArray(entries) && Object.keys(value as object).length === 1) {
      for (let i = 0, seq = 0; i < entries.length || seq === 0; i += ENTRIES_PER_PART, seq++) {
        parts.push({ field, seq, kind: 'entries', json: JSON.stringify(entries.slice(i, i + ENTRIES_PER_PART)) });
      }
    } else {
      parts.push({ field, seq: 0, kind: 'value', json: JSON.stringify(value) });
    }
  }
  return parts;
};

const fromParts = (parts: Part[]): unknown => {
  if (parts.length === 1 && parts[0].field === '') return JSON.parse(parts[0].json);
  const state: Record<string, unknown> = {};
  for (const p of parts) {
    if (p.kind === 'value') state[p.field] = JSON.parse(p.json);
    else {
      const map = (state[p.field] ??= { [MAP_TAG]: [] }) as { [MAP_TAG]: unknown[] };
      for (const entry of JSON.parse(p.json) as unknown[]) map[MAP_TAG].push(entry);
    }
  }
  return state;
};

/**
 * Each view's state is saved with the checkpoint it reflects and the read model's version it was
 * folded by, in one transaction, so a restart resumes exactly where the saved state stops (or
 * rebuilds it when the version changed). Views can always be rebuilt from the events, so the
 * file trades a little durability for speed (synchronous = NORMAL).
 */
export class ViewSnapshots {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // `views.state` is the whole state as one JSON text, as older versions wrote it; new saves leave it
    // empty and write view_parts.
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS views (name TEXT PRIMARY KEY, checkpoint TEXT NOT NULL, state TEXT NOT NULL, saved INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS view_parts (name TEXT NOT NULL, field TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL,
        PRIMARY KEY (name, field, seq));
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
    const columns = this.db.prepare('PRAGMA table_info(views)').all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'events')) this.db.exec('ALTER TABLE views ADD COLUMN events INTEGER NOT NULL DEFAULT 0');
    // Rows saved before versions were recorded read as version 0, which no read model has: rebuilt once.
    if (!columns.some((c) => c.name === 'version')) this.db.exec('ALTER TABLE views ADD COLUMN version INTEGER NOT NULL DEFAULT 0');
  }

  /**
   * Checkpoints are positions of one log: another store's (a SQLite rowid given to EventStoreDB, or
   * the other way round) would resume at a wrong place or skip events. Binds the file to `store`;
   * what was saved from another store, or before stores were recorded, is dropped. True when it was.
   */
  bindTo(store: StoreIdentity): boolean {
    const identity = JSON.stringify({ kind: store.kind, logId: store.logId });
    const saved = (this.db.prepare("SELECT value FROM meta WHERE key = 'store'").get() as { value: string } | undefined)?.value;
    if (saved === identity) return false;
    const hadViews = (this.db.prepare('SELECT count(*) AS n FROM views').get() as { n: number }).n > 0;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM views; DELETE FROM view_parts;');
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('store', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(identity);
    })();
    return hadViews;
  }

  load(name: string): Snapshot | null {
    const row = this.db.prepare('SELECT version, checkpoint, events, state FROM views WHERE name = ?').get(name) as
      { version: number; checkpoint: string; events: number; state: string } | undefined;
    if (!row) return null;
    const saved = { version: row.version, checkpoint: BigInt(row.checkpoint), events: row.events };
    if (row.state !== '') return { ...saved, state: JSON.parse(row.state) };
    const parts = this.db.prepare('SELECT field, seq, kind, json FROM view_parts WHERE name = ? ORDER BY rowid').all(name) as Part[];
    return { ...saved, state: fromParts(parts) };
  }

  save(snapshots: SnapshotToSave[]): void {
    const upsert = this.db.prepare(
      "INSERT INTO views (name, version, checkpoint, events, state, saved) VALUES (?, ?, ?, ?, '', ?) " +
      'ON CONFLICT(name) DO UPDATE SET version = excluded.version, checkpoint = excluded.checkpoint, events = excluded.events, ' +
      "state = '', saved = excluded.saved",
    );
    const clear = this.db.prepare('DELETE FROM view_parts WHERE name = ?');
    const insert = this.db.prepare('INSERT INTO view_parts (name, field, seq, kind, json) VALUES (?, ?, ?, ?, ?)');
    // Serialised before the transaction: a state that cannot be written leaves the old snapshot whole.
    const rows = snapshots.map((s) => ({ ...s, parts: toParts(s.state) }));
    this.db.transaction(() => {
      for (const s of rows) {
        upsert.run(s.name, s.version, s.checkpoint.toString(), s.events ?? 0, Date.now());
        clear.run(s.name);
        for (const p of s.parts) insert.run(s.name, p.field, p.seq, p.kind, p.json);
      }
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
