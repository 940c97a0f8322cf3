import { sqliteFile, type Config } from '../app/config.js';
import type { EventStore } from './event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

/** EventStoreDB when a connection string is configured, else the embedded SQLite file. */
export const openEventStore = async (config: Pick<Config, 'dataDir' | 'eventStoreConnectionString'>): Promise<EventStore> => {
  if (config.eventStoreConnectionString) {
    // Loaded on demand: the gRPC client is heavy and most set-ups never need it.
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
    return new EventStoreDbEventStore(config.eventStoreConnectionString);
  }
  return new SqliteEventStore(sqliteFile(config));
};
