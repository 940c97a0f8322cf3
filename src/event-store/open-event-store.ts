import type { EventStore } from './event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** Where the events live. The lowest layer: its callers read the configuration, not it. */
export interface EventStoreOptions {
  /** Set: EventStoreDB at this address; null: the embedded SQLite file. */
  eventStoreConnectionString: string | null;
  /** The SQLite file, used when no connection string is given. */
  sqliteFile: string;
}

/** EventStoreDB when a connection string is configured, else the embedded SQLite file. */
export const openEventStore = async (options: EventStoreOptions): Promise<EventStore> => {
  if (options.eventStoreConnectionString) {
    // Loaded on demand: the gRPC client is heavy and most set-ups never need it.
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
    return new EventStoreDbEventStore(options.eventStoreConnectionString);
  }
  return new SqliteEventStore(options.sqliteFile);
};
