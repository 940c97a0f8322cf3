import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, it } from '@jest/globals';
import { ANY as ESDB_ANY, binaryEvent, EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
/** A shell command that restarts the server (e.g. `docker compose restart eventstoredb`): the dropped-connection test needs one. */
const restartCommand = process.env.EVENTSTORE_RESTART_COMMAND;

/** A client of our own for what the port cannot do: tombstone a stream, write a binary event. */
const withClient = async (url: string, use: (client: EventStoreDBClient) => Promise<unknown>): Promise<void> => {
  const client = EventStoreDBClient.connectionString(url);
  try {
    await use(client);
  } finally {
    await client.dispose();
  }
};

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
    sharedLog: true,
    deleteStream: async (_store, stream) => withClient(connectionString, (client) => client.tombstoneStream(stream)),
    appendCorrupt: async (_store, stream) => withClient(connectionString, (client) =>
      client.appendToStream(stream, binaryEvent({ id: randomUUID(), type: 'Binary', data: Buffer.from([0xff, 0x00, 0xfe]) }), { expectedRevision: ESDB_ANY })),
    dropConnection: restartCommand
      ? async () => void execSync(restartCommand, { stdio: 'inherit' })
      : { skipped: 'set EVENTSTORE_RESTART_COMMAND (e.g. "docker compose restart eventstoredb") to drop the connection for real' },
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
