import { createHash } from 'node:crypto';
import type { ReadModelReader, Table } from '../read-model-store/read-model-store.js';
import { canonicalJson } from '../read-models/stable-hash.js';

const PAGE = 5000;

/**
 * sha256 over a read model's rows (table, key, sort, doc; in the store's order), read in pages
 * without a turn in between, so it is one point of knowledge. Costly (every row): GET
 * /projections?hash=true, which compares a restarted or rebuilt read model with the one before.
 */
export const hashOfRows = (reader: ReadModelReader, tables: readonly Table<unknown>[]): string => {
  const hash = createHash('sha256');
  for (const table of tables) {
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = reader.find({ table, offset, limit: PAGE });
      for (const row of rows) hash.update(canonicalJson([table.name, row.key, row.sort, row.doc]));
      if (rows.length < PAGE) break;
    }
  }
  return hash.digest('hex');
};
