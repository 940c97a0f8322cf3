// Personal API keys in DATA_DIR/keys.sqlite, written by `npm run cli -- keys ...` and read by the
// service on every authenticated request, so a revoked key stops working at once.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { limitPageCache } from '../common/sqlite-page-cache.js';
import { newKeyToken, sha256 } from './api-key-token.js';
import type { Role } from './roles.js';

export interface KeyRecord {
  keyId: string;
  analyst: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

interface Row { key_id: string; analyst: string; role: Role; created_at: string; revoked_at: string | null; secret_sha256: Buffer }

const toRecord = (r: Row): KeyRecord => ({ keyId: r.key_id, analyst: r.analyst, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at });

export class KeyStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    limitPageCache(this.db, 'keys');
    this.db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      key_id TEXT PRIMARY KEY, analyst TEXT NOT NULL, role TEXT NOT NULL,
      secret_sha256 BLOB NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)`);
  }

  /** The token is returned once and never stored. */
  add(analyst: string, role: Role): KeyRecord & { token: string } {
    const { keyId, secret, token } = newKeyToken();
    const createdAt = new Date().toISOString();
    this.db.prepare('INSERT INTO api_keys (key_id, analyst, role, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(keyId, analyst, role, sha256(secret), createdAt);
    return { keyId, analyst, role, createdAt, revokedAt: null, token };
  }

  list(): KeyRecord[] {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at, key_id').all() as Row[]).map(toRecord);
  }

  /** True when the key existed and was live. */
  revoke(keyId: string): boolean {
    return this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL').run(new Date().toISOString(), keyId).changes === 1;
  }

  /** A live key and the digest of its secret. */
  findLive(keyId: string): (KeyRecord & { secretDigest: Buffer }) | null {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE key_id = ? AND revoked_at IS NULL').get(keyId) as Row | undefined;
    return row ? { ...toRecord(row), secretDigest: row.secret_sha256 } : null;
  }

  /** Revoked keys count: revoking the last key must not open the service to anyone. */
  hasIssuedKeys(): boolean {
    return this.db.prepare('SELECT 1 FROM api_keys LIMIT 1').get() !== undefined;
  }

  hasLiveKeys(): boolean {
    return this.db.prepare('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1').get() !== undefined;
  }

  close(): void {
    this.db.close();
  }
}
