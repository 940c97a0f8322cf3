import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../app/config.js';
import { kindOf, type RequestKind } from './request-kind.js';

/**
 * One budget per client and kind of request: writes, reads, and costly reads (replays, hashes).
 * The client is the principal of a checked personal key, so an analyst's right key is never
 * refused for a stranger's failed attempts from the same address; the shared API_KEY is not a
 * person, so it counts per address (apart from the same address's unauthenticated requests).
 */
export const rateLimitOptions = (config: Pick<Config, 'writeRateLimit' | 'readRateLimit' | 'costlyReadRateLimit'>): RateLimitPluginOptions => {
  const max: Record<RequestKind, number> = { write: config.writeRateLimit, read: config.readRateLimit, 'costly-read': config.costlyReadRateLimit };
  return {
    global: true,
    timeWindow: '1 minute',
    keyGenerator: (request) => `${kindOf(request)}|${clientOf(request)}`,
    max: (_, key) => max[key.split('|')[0] as RequestKind],
  };
};

const clientOf = (request: FastifyRequest): string => {
  const auth = request.authentication;
  if (auth?.kind !== 'valid') return `address ${request.ip}`;
  return auth.principal.shared ? `shared key from ${request.ip}` : `key ${auth.principal.keyId}`;
};
