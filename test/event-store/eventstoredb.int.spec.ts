import { describe, it } from '@jest/globals';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

/** Fails the suite at once with the server's error, rather than every test one by one, when nothing answers. */
const open = async (url: string): Promise<EventStoreDbEventStore> => {
  const store = new EventStoreDbEventStore(url);
  try {
    await store.ping();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};

if (connectionString) {
  eventStoreContract('eventstoredb', {
    create: () => open(connectionString),
    // The data lives on the server: reopening is a new client on the same server.
    reopen: async (store) => {
      await store.close();
      return open(connectionString);
    },
  });
} else {
  const reason =
    'EventStoreDB contract tests SKIPPED: EVENTSTORE_CONNECTION_STRING is not set (no EventStoreDB server on this machine; ' +
    'run docker compose up eventstoredb and set EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false)';
  const rule = '═'.repeat(100);
  // Straight to stderr: Jest drops console output of a file whose tests are all skipped.
  process.stderr.write(`\n╔${rule}\n║ ${reason.replace(' (', '\n║ (')}\n╚${rule}\n`);
  // Registered as a skipped test so the reason also shows in the test report, not only in the log.
  describe('EventStore contract: eventstoredb', () => {
    it.skip(reason, () => undefined);
  });
}
