import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export interface Snapshot {
  checkpoint: bigint;
  state: unknown;
}

/**
 * Each view's state is saved with the checkpoint it reflects, in one row, so a restart resumes
 * exactly where the saved state stops. Views can always be rebuilt from the events, so the file
 * trades a little durability for speed (synchronous = NORMAL).
 */
export class ViewSnapshots {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS views (name TEXT PRIMARY KEY, checkpoint TEXT NOT NULL, state TEXT NOT NULL, saved INTEGER NOT NULL)');
  }

  load(name: string): Snapshot | null {
    const row = this.db.prepare('SELECT checkpoint, state FROM views WHERE name = ?').get(name) as { checkpoint: string; state: string } | undefined;
    return row ? { checkpoint: BigInt(row.checkpoint), state: JSON.parse(row.state) } : null;
  }

  save(snapshots: Array<{ name: string; checkpoint: bigint; state: unknown }>): void {
    const upsert = this.db.prepare(
      'INSERT INTO views (name, checkpoint, state, saved) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET checkpoint = excluded.checkpoint, state = excluded.state, saved = excluded.saved',
    );
    this.db.transaction(() => {
      for (const s of snapshots) upsert.run(s.name, s.checkpoint.toString(), JSON.stringify(s.state), Date.now());
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
