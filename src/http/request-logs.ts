// Request logs: one JSON line per request (method, URL, status, milliseconds), each carrying the
// request's correlation id, as does every other line logged while it is served (nestjs-pino hands
// Nest's Logger the request's child logger). Only the fields named here are written: headers and
// bodies never are, and the paths redacted below keep keys and cookies out should one ever be.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import { saneCorrelationId } from './request-context.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SECRET_HEADERS = ['authorization', '["x-api-key"]', 'cookie', '["set-cookie"]'];
const REDACT = ['req', 'res', 'request', 'reply'].flatMap((at) => SECRET_HEADERS.map((h) => `${at}.headers${h.startsWith('[') ? h : `.${h}`}`));

/** The service's one logger: JSON lines to stdout, or to `destination` (tests capture them). */
export const createLogger = (level: LogLevel, destination?: DestinationStream): Logger =>
  pino({ level, redact: { paths: REDACT, censor: '[redacted]' } }, destination ?? pino.destination({ fd: 1, sync: false }));

/** A caller's own id is kept when it is sane, so one id follows a request across services; else a new one. */
const correlationIdOf = (req: IncomingMessage): string => {
  const header = req.headers['x-correlation-id'];
  return saneCorrelationId(typeof header === 'string' ? header : undefined) ?? randomUUID();
};

/** Fastify's options for the request id and its logger; Fastify's own two lines per request are replaced by ours. */
export const requestIdOptions = (logger: Logger | null) => ({
  genReqId: correlationIdOf,
  requestIdHeader: false as const,
  logController: new LogController({ requestIdLogLabel: 'correlationId', disableRequestLogging: true }),
  ...(logger ? { loggerInstance: logger } : {}),
});

/**
 * First of all hooks: the client gets the id back, and the request's header is set to it, so the
 * events a write appends (commandContextFrom) carry the very id its log lines do.
 */
export const correlationIdHook = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
  request.headers['x-correlation-id'] = request.id;
  void reply.header('x-correlation-id', request.id);
  done();
};

/** After the answer is sent, refused or not: the request's one line. */
export const requestLineHook = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
  const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
  if (reply.statusCode >= 500) request.log.error(line, 'request failed');
  else request.log.info(line, 'request');
  done();
};
