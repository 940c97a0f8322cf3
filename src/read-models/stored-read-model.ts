import type { ReadModelTables, ReadModelWriter, Table } from '../read-model-store/read-model-store.js';
import type { ProjectedEvent } from './projection.js';

/**
 * A read model kept in the read-model store (read-model-store/): what each event writes to its
 * tables. Its `apply` reads only its own tables (read models are applied independently, each from
 * its own checkpoint), through the writer, which sees the rows as the events before left them.
 * Queries may read any read model's tables.
 */
export interface StoredReadModel<N extends string = string> extends ReadModelTables {
  name: N;
  /** Bumped whenever what `apply` makes of the events changes (its rows are then rebuilt from position 0). */
  version: number;
  tables: readonly Table<unknown>[];
  apply(writer: ReadModelWriter, event: ProjectedEvent): void;
}

export const defineStoredReadModel = <const N extends string>(readModel: StoredReadModel<N>): StoredReadModel<N> => readModel;
