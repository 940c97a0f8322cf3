import { ANY } from '../../src/event-store/event-store.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

const asInMemory = (store: unknown): InMemoryEventStore => store as InMemoryEventStore;

const faults = {
  dropConnection: async (store: unknown) => asInMemory(store).dropSubscriptions(),
  deleteStream: async (store: unknown, stream: string) => asInMemory(store).deleteStream(stream),
  appendCorrupt: async (store: unknown, stream: string) => {
    const { position } = await asInMemory(store).append(stream, [{ type: 'Binary', data: {} }], ANY);
    asInMemory(store).corrupt(position);
  },
};

// No reopen: nothing outlives the process, which is the point of this adapter.
eventStoreContract('in-memory', {
  create: async () => new InMemoryEventStore(),
  ...faults,
});

// As EventStoreDB: positions are log offsets (no two adjacent, p + 1 is no event's), appends over
// 1 MiB are refused, and a position that is no event's is refused as the server refuses it.
eventStoreContract('in-memory, sparse like EventStoreDB', {
  create: async () => new InMemoryEventStore({ positions: 'sparse', maxAppendBytes: 1_048_576 }),
  ...faults,
});
