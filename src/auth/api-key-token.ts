// A personal API key is `ct_<key id>.<secret>`: the id finds the stored record without a scan and
// is safe to show and log; the secret is 32 random bytes, only its SHA-256 is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN = /^ct_([0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface KeyToken { keyId: string; secret: string }

export const newKeyToken = (): KeyToken & { token: string } => {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, token: `ct_${keyId}.${secret}` };
};

export const parseKeyToken = (token: string): KeyToken | null => {
  const m = TOKEN.exec(token);
  return m ? { keyId: m[1], secret: m[2] } : null;
};

/** A string is hashed as UTF-8; a header value's bytes are passed as a Buffer (see authenticate.ts). */
export const sha256 = (input: string | Buffer): Buffer => createHash('sha256').update(input).digest();

/**
 * Compares digests, never the strings: both sides are 32 bytes whatever was sent, so the time
 * taken says nothing about the key's length and non-ASCII input cannot make the comparison throw.
 */
export const sameSecret = (given: string | Buffer, expectedDigest: Buffer): boolean => timingSafeEqual(sha256(given), expectedDigest);
