import type { Config } from './config.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

/** What a service facing a network must not be configured below (or above, for limits). */
export const NETWORK_FLOORS = {
  /** Characters of a shared API_KEY; personal keys are 256-bit random. */
  apiKeyLength: 32,
  bodyLimit: 8 * 1024 * 1024,
  writeRateLimit: 6000,
  readRateLimit: 60_000,
  costlyReadRateLimit: 600,
} as const;

type PolicyConfig = Pick<Config, 'host' | 'apiKey' | 'bodyLimit' | 'writeRateLimit' | 'readRateLimit' | 'costlyReadRateLimit' | 'readRequiresKey'>;

/**
 * Loopback only, unless writes are protected: an open write API must never face a network by
 * accident, nor one with a guessable key or limits that leave it to the first client that asks.
 */
export const checkListenPolicy = (config: PolicyConfig, personalKeys = false): void => {
  const keyed = Boolean(config.apiKey) || personalKeys;
  if (config.readRequiresKey && !keyed) throw new Error('READ_REQUIRES_KEY is set but no key exists: set API_KEY or add one with npm run cli -- keys add');
  if (LOOPBACK.test(config.host)) return;
  const refuse = (why: string) => new Error(`refusing to listen on ${config.host} ${why}`);
  if (!keyed) throw refuse('without API_KEY: set API_KEY (or add personal keys with npm run cli -- keys add), or HOST=127.0.0.1');
  if (config.apiKey && config.apiKey.length < NETWORK_FLOORS.apiKeyLength) {
    throw refuse(`with an API_KEY of ${config.apiKey.length} characters: use at least ${NETWORK_FLOORS.apiKeyLength} random ones (openssl rand -base64 32)`);
  }
  for (const [name, limit, value] of [
    ['BODY_LIMIT', NETWORK_FLOORS.bodyLimit, config.bodyLimit],
    ['WRITE_RATE_LIMIT', NETWORK_FLOORS.writeRateLimit, config.writeRateLimit],
    ['READ_RATE_LIMIT', NETWORK_FLOORS.readRateLimit, config.readRateLimit],
    ['COSTLY_READ_RATE_LIMIT', NETWORK_FLOORS.costlyReadRateLimit, config.costlyReadRateLimit],
  ] as const) {
    if (value > limit) throw refuse(`with ${name}=${value}: beyond loopback it may be at most ${limit}`);
  }
};
