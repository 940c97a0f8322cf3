import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

// No reopen: nothing outlives the process, which is the point of this adapter.
eventStoreContract('in-memory', {
  create: async () => new InMemoryEventStore(),
});
