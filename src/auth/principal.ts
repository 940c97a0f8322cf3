import type { Role } from './roles.js';

/** Who a request comes from, once its key has been checked. */
export interface Principal {
  /** Stored in the metadata of every event the request writes. */
  keyId: string;
  /** The analyst's name: `recordedBy` is `analyst:<name>`. */
  analyst: string;
  role: Role;
  /** The shared API_KEY: it cannot tell analysts apart, so the name comes from X-Analyst. */
  shared: boolean;
}

/** The key id recorded for writes made with the shared API_KEY. */
export const SHARED_KEY_ID = 'API_KEY';
