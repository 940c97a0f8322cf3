// The append benchmark's baseline, Emmett's SQLite event store, is a package of its own
// (bench/baseline/) so that `npm ci` neither downloads it nor compiles the second SQLite binding
// (sqlite3) it needs; the first `npm run bench append` installs it from its own lock file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const BASELINE_DIR = resolve('bench', 'baseline');
const PACKAGE = '@event-driven-io/emmett-sqlite';

/** The slice of Emmett's store the benchmark drives. */
export interface EmmettStore {
  appendToStream(stream: string, events: Array<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>): Promise<unknown>;
}
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string; schema: { autoMigration: 'CreateOrUpdate' } }): EmmettStore;
}

export const loadEmmettSqlite = async (): Promise<EmmettSqlite> => {
  if (!existsSync(join(BASELINE_DIR, 'node_modules', PACKAGE))) {
    console.error(`installing the append baseline (Emmett, sqlite3) into ${BASELINE_DIR}, once...`);
    const install = spawnSync('npm', ['ci', '--loglevel=warn'], { cwd: BASELINE_DIR, stdio: 'inherit' });
    if (install.status !== 0) throw new Error(`npm ci in ${BASELINE_DIR} failed (exit ${install.status})`);
  }
  const resolved = createRequire(join(BASELINE_DIR, 'package.json')).resolve(PACKAGE);
  return (await import(pathToFileURL(resolved).href)) as EmmettSqlite;
};
