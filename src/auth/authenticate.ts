import { parseKeyToken, sameSecret, sha256 } from './api-key-token.js';
import type { KeyStore } from './key-store.js';
import { SHARED_KEY_ID, type Principal } from './principal.js';

export interface Credentials {
  /** The shared API_KEY, if set: an admin key for compatibility. */
  sharedKey: string | null;
  keys: KeyStore;
}

/** No credentials sent, a key that was checked, or one that was refused. */
export type Authentication = { kind: 'none' } | { kind: 'valid'; principal: Principal } | { kind: 'invalid' };

const BEARER = /^Bearer (\S+)$/;

export class Authenticator {
  private readonly sharedDigest: Buffer | null;

  constructor(private readonly credentials: Credentials) {
    this.sharedDigest = credentials.sharedKey ? sha256(credentials.sharedKey) : null;
  }

  /** Keys exist (or existed), so writes (and hashing every read model) need one. */
  get required(): boolean {
    return this.sharedDigest !== null || this.credentials.keys.hasIssuedKeys();
  }

  check(authorization: string | undefined): Authentication {
    if (authorization === undefined || authorization === '') return { kind: 'none' };
    const given = BEARER.exec(authorization)?.[1];
    if (given === undefined) return { kind: 'invalid' };
    const personal = parseKeyToken(given);
    if (personal) {
      const record = this.credentials.keys.findLive(personal.keyId);
      if (record && sameSecret(personal.secret, record.secretDigest)) {
        return { kind: 'valid', principal: { keyId: record.keyId, analyst: record.analyst, role: record.role, shared: false } };
      }
      return { kind: 'invalid' };
    }
    // Node reads header bytes as Latin-1: turned back into the bytes sent, a UTF-8 key matches its UTF-8 digest.
    if (this.sharedDigest && sameSecret(Buffer.from(given, 'latin1'), this.sharedDigest)) {
      return { kind: 'valid', principal: { keyId: SHARED_KEY_ID, analyst: 'anonymous', role: 'admin', shared: true } };
    }
    return { kind: 'invalid' };
  }
}
