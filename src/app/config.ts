// Configuration comes from the environment only, checked once at start so a typo fails loudly.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { EventStoreOptions } from '../event-store/open-event-store.js';
import type { ExtractionLimits } from '../extraction-pool/extraction-limits.js';
import type { FetchLimits } from '../inputs/fetching/fetch-page.js';
import { LOG_LEVELS, type LogLevel } from '../http/request-logs.js';

export interface Config {
  port: number;
  /** The address to bind; `[::1]` is accepted and kept without its brackets. */
  host: string;
  dataDir: string;
  /** Set: EventStoreDB; unset: the embedded SQLite store under dataDir. */
  eventStoreConnectionString: string | null;
  /** The one shared key of earlier versions: still accepted, as an admin key (see src/auth/). */
  apiKey: string | null;
  /** Reads need a key too (any role); otherwise only writes, and costly reads once keys exist. */
  readRequiresKey: boolean;
  seedOnStart: boolean;
  /** The least severe log line written (pino's levels); `silent` writes none. */
  logLevel: LogLevel;
  seedsDir: string;
  corsOrigin: string | null;
  /** Host names (no port) the service answers to; anything else is refused (DNS rebinding). */
  allowedHosts: string[];
  /** Largest request body, bytes. */
  bodyLimit: number;
  /** Writes per minute per client (the key's identity, else the address). */
  writeRateLimit: number;
  /** Reads per minute per client. */
  readRateLimit: number;
  /** Reads that replay the log or hash every read model (`asOf`, `hash=true`) per minute per client. */
  costlyReadRateLimit: number;
  /** A request must arrive whole (headers and body) within this, ms. */
  requestTimeoutMs: number;
  /** A socket idle this long is closed, ms. */
  connectionTimeoutMs: number;
  /** Open sockets at most; more are closed on arrival. */
  maxConnections: number;
  /** Fetching pages and feeds (POST /articles {url}, ingest <url>, feeds): the guard and its limits. */
  fetch: FetchLimits;
  /** How often the server looks for feeds due a poll, ms; 0: the server polls none (`feeds poll` still does). */
  feedTickMs: number;
  /** Where extraction runs and what it may take: see src/extraction-pool/. */
  extraction: ExtractionLimits;
  /** Where the read models are written: a worker thread of their own (default), or the event loop's thread. */
  readModelWrites: 'worker' | 'thread';
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

/** `[::1]` is how a person writes an IPv6 address next to a port; Node's listen wants it bare. */
export const bareHost = (host: string): string => host.replace(/^\[(.*)\]$/, '$1');

export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const oneOf = <T extends string>(env: NodeJS.ProcessEnv, name: string, fallback: T, allowed: readonly T[]): T => {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}, not "${env[name]}"`);
  return raw as T;
};

const WILDCARDS = ['0.0.0.0', '::'];

/** The names a request's Host may carry: the configured list, else loopback names and the bound address. */
const hostNames = (env: NodeJS.ProcessEnv, host: string): string[] => {
  const listed = env.ALLOWED_HOSTS?.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (listed?.length) return listed;
  const own = WILDCARDS.includes(host) ? [] : [host.includes(':') ? `[${host}]` : host.toLowerCase()];
  return [...new Set([...LOOPBACK_HOST_NAMES, ...own])];
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const host = bareHost(env.HOST || '127.0.0.1');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: env.DATA_DIR || './data',
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || null,
    apiKey: env.API_KEY || null,
    readRequiresKey: bool(env, 'READ_REQUIRES_KEY', false),
    seedOnStart: bool(env, 'SEED_ON_START', true),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    seedsDir: env.SEEDS_DIR || './seeds',
    corsOrigin: env.CORS_ORIGIN || null,
    allowedHosts: hostNames(env, host),
    bodyLimit: int(env, 'BODY_LIMIT', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    writeRateLimit: int(env, 'WRITE_RATE_LIMIT', 600, 1, 1_000_000),
    readRateLimit: int(env, 'READ_RATE_LIMIT', 6000, 1, 10_000_000),
    costlyReadRateLimit: int(env, 'COSTLY_READ_RATE_LIMIT', 120, 1, 1_000_000),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    connectionTimeoutMs: int(env, 'CONNECTION_TIMEOUT_MS', 120_000, 100, 3_600_000),
    maxConnections: int(env, 'MAX_CONNECTIONS', 1024, 1, 1_000_000),
    fetch: {
      allowPrivate: bool(env, 'FETCH_ALLOW_PRIVATE', false),
      allowHosts: (env.FETCH_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
      timeoutMs: int(env, 'FETCH_TIMEOUT_MS', 15_000, 100, 300_000),
      maxBytes: int(env, 'FETCH_MAX_BYTES', 5 * 1024 * 1024, 1024, 64 * 1024 * 1024),
      maxRedirects: int(env, 'FETCH_MAX_REDIRECTS', 5, 0, 20),
    },
    feedTickMs: int(env, 'FEEDS_TICK_MS', 30_000, 0, 3_600_000),
    extraction: {
      // One core is left to the event loop (requests, appends, read models); at least one worker.
      workers: int(env, 'EXTRACTION_WORKERS', Math.max(1, availableParallelism() - 1), 0, 256),
      timeoutMs: int(env, 'EXTRACTION_TIMEOUT_MS', 60_000, 100, 3_600_000),
      queue: int(env, 'EXTRACTION_QUEUE', 256, 0, 100_000),
      maxClaims: int(env, 'MAX_CLAIMS_PER_ARTICLE', 500, 1, 100_000),
    },
    readModelWrites: oneOf(env, 'READ_MODEL_WRITES', 'worker', ['worker', 'thread'] as const),
  };
};

export const sqliteFile = (config: Pick<Config, 'dataDir'>): string => join(config.dataDir, 'claimtrail.sqlite');
/** What the event store needs of the configuration. */
export const eventStoreOptions = (config: Pick<Config, 'dataDir' | 'eventStoreConnectionString'>): EventStoreOptions => ({
  eventStoreConnectionString: config.eventStoreConnectionString,
  sqliteFile: sqliteFile(config),
});
/** The syndication index (src/syndication/): derived from the log, rebuilt from it when missing. */
export const syndicationFile = (config: Pick<Config, 'dataDir'>): string => join(config.dataDir, 'syndication.sqlite');
export const keysFile = (config: Pick<Config, 'dataDir'>): string => join(config.dataDir, 'keys.sqlite');
export const CONFIG = Symbol('Config');
