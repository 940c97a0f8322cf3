// Configuration comes from the environment only, checked once at start so a typo fails loudly.
import { join } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Set: EventStoreDB; unset: the embedded SQLite store under dataDir. */
  eventStoreConnectionString: string | null;
  apiKey: string | null;
  seedOnStart: boolean;
  seedsDir: string;
  corsOrigin: string | null;
  /** Largest request body, bytes. */
  bodyLimit: number;
  /** Writes per minute per client address. */
  writeRateLimit: number;
}

const int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not "${raw}"`);
  return n;
};

const bool = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, not "${env[name]}"`);
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  port: int(env, 'PORT', 3000, 0, 65535),
  host: env.HOST || '127.0.0.1',
  dataDir: env.DATA_DIR || './data',
  eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || null,
  apiKey: env.API_KEY || null,
  seedOnStart: bool(env, 'SEED_ON_START', true),
  seedsDir: env.SEEDS_DIR || './seeds',
  corsOrigin: env.CORS_ORIGIN || null,
  bodyLimit: int(env, 'BODY_LIMIT', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
  writeRateLimit: int(env, 'WRITE_RATE_LIMIT', 600, 1, 1_000_000),
});

export const sqliteFile = (config: Pick<Config, 'dataDir'>): string => join(config.dataDir, 'claimtrail.sqlite');
export const CONFIG = Symbol('Config');
