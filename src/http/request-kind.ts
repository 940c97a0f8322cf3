import type { FastifyRequest } from 'fastify';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isRead = (request: Pick<FastifyRequest, 'method'>): boolean => READS.has(request.method);

const queryOf = (request: Pick<FastifyRequest, 'query'>): Record<string, unknown> =>
  typeof request.query === 'object' && request.query !== null ? (request.query as Record<string, unknown>) : {};

/** `?hash=true` hashes every read model: a key is asked for once keys exist. */
export const hashesViews = (request: Pick<FastifyRequest, 'method' | 'query'>): boolean => isRead(request) && queryOf(request).hash === 'true';

/** Reads that replay the log (`asOf`) or hash every read model: far dearer than a read from memory. */
export const isCostlyRead = (request: Pick<FastifyRequest, 'method' | 'query'>): boolean => {
  const query = queryOf(request);
  return isRead(request) && (hashesViews(request) || (query.asOf !== undefined && query.asOf !== ''));
};

export type RequestKind = 'write' | 'read' | 'costly-read';

export const kindOf = (request: Pick<FastifyRequest, 'method' | 'query'>): RequestKind =>
  !isRead(request) ? 'write' : isCostlyRead(request) ? 'costly-read' : 'read';
