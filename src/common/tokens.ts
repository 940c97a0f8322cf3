/** Injection tokens of the ports the Nest shell binds to adapters. */
export { EVENT_STORE } from '../event-store/event-store.js';
/** An ExtractionPort: the extractor in this thread or in worker threads. */
export const EXTRACTION = Symbol('Extraction');
