import type { FastifyReply } from 'fastify';

/** Status reasons for the error bodies the service sends. */
export const REASON: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 421: 'Misdirected Request', 422: 'Unprocessable Entity',
  428: 'Precondition Required', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

/** The error body of ErrorsFilter, for refusals made in Fastify hooks, before Nest sees the request. */
export const sendRefusal = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.status(status).header('content-type', 'application/json; charset=utf-8').send({ statusCode: status, error: REASON[status], message });
