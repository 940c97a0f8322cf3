/** Injection tokens of the ports the Nest shell binds to adapters. */
export { EVENT_STORE } from '../event-store/event-store.js';
export const CLAIM_EXTRACTOR = Symbol('ClaimExtractor');
