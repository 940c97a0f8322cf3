import { defineTable, type ReadModelReader } from '../../src/read-model-store/read-model-store.js';
import { defineStoredReadModel } from '../../src/read-models/stored-read-model.js';

const SEEN = defineTable<{ position: string; type: string }>('seen');
const TALLY = defineTable<{ applied: number }>('tally');

/** The stored counterpart of positions-projection.ts: a row per event applied, and a tally of applies (a repeated event shows). */
export const positionsReadModel = defineStoredReadModel({
  name: 'positions',
  version: 1,
  tables: [SEEN, TALLY],
  apply: (writer, e) => {
    writer.put(SEEN, { key: e.position.toString().padStart(20, '0'), doc: { position: e.position.toString(), type: e.event.type } });
    writer.put(TALLY, { key: 'all', doc: { applied: (writer.get(TALLY, 'all')?.applied ?? 0) + 1 } });
  },
});

/** The positions applied, in log order; throws when one was applied twice. */
export const seenPositions = (reader: ReadModelReader): string[] => {
  const seen = reader.find({ table: SEEN }).rows.map((r) => r.doc.position);
  const applied = reader.get(TALLY, 'all')?.applied ?? 0;
  if (applied !== seen.length) throw new Error(`${applied} events applied for ${seen.length} positions`);
  return seen;
};

export const typesSeen = (reader: ReadModelReader): string[] => reader.find({ table: SEEN }).rows.map((r) => r.doc.type);
